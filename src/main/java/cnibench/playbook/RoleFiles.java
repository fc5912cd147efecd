package cnibench.playbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds a role's `main` files as Ansible does: main.yml, main.yaml, main.json or main. */
final class RoleFiles {
    private static final List<String> EXTENSIONS = List.of(".yml", ".yaml", ".json", "");

    private RoleFiles() {
    }

    /** The file for `name` in dir, or null when the role has none. */
    static Path mainFile(Path dir, String name) {
        for (String ext : EXTENSIONS) {
            Path p = dir.resolve(name + ext);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * The vars files for `name` in dir (defaults, vars): its main file, or when `main` is a directory,
     * every YAML or JSON file below it in sorted order, later ones overriding, as Ansible loads them.
     */
    static List<Path> varsFiles(Path dir, String name) {
        Path file = mainFile(dir, name);
        if (file != null) {
            return List.of(file);
        }
        Path folder = dir.resolve(name);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> EXTENSIONS.stream().anyMatch(ext -> !ext.isEmpty() && f.toString().endsWith(ext)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
