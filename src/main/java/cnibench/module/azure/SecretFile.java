package cnibench.module.azure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;

/** A file only its owner may read, written whole: created 0600 beside its destination and moved over it. */
final class SecretFile {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretFile() {
    }

    /** Whether dest is missing, holds other bytes, or may be read by others. */
    static boolean differs(Path dest, byte[] content) {
        try {
            return !Files.isRegularFile(dest) || !Arrays.equals(Files.readAllBytes(dest), content)
                    || !Files.getPosixFilePermissions(dest).equals(OWNER_ONLY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path dest, byte[] content) {
        try {
            Files.createDirectories(dest.getParent());
            Path temp = Files.createTempFile(dest.getParent(), "." + dest.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try {
                Files.write(temp, content);
                Files.move(temp, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dest + ": " + e.getMessage(), e);
        }
    }
}
