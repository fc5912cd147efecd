package cnibench.module.bench;

import cnibench.module.spi.ModuleContext;
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
}
