package cnibench.module.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files a test needs, written under one directory with the directories they lie in: FileTree.write(dir, "sub/a", "1\n"). */
final class FileTree {
    private FileTree() {
    }

    static void write(Path dir, String... pathsAndContents) throws IOException {
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            Path file = dir.resolve(pathsAndContents[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, pathsAndContents[i + 1]);
        }
    }
}
