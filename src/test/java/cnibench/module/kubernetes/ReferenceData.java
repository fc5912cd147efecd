package cnibench.module.kubernetes;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared upstream reference data (shared/reference) from the project directory or /work. */
public final class ReferenceData {
    private ReferenceData() {
    }

    public static Path file(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/reference").resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        Path fallback = Path.of("/work/shared/reference").resolve(relative);
        if (Files.exists(fallback)) {
            return fallback;
        }
        throw new IllegalStateException("reference data " + relative + " not found under shared/reference");
    }
}
