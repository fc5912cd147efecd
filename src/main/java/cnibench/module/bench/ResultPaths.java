package cnibench.module.bench;

import cnibench.module.spi.ModuleContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the bench modules read and write files the task names. */
final class ResultPaths {

    private ResultPaths() {
    }

    /** Relative names are taken from the playbook's directory, where results/ lives. */
    static Path resolve(ModuleContext context, String name) {
        Path path = Path.of(name);
        return path.isAbsolute() || context.playbookDir() == null ? path : context.playbookDir().resolve(path);
    }

    /** Writes a raw output the task asked to keep, making its directory first. */
    static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
