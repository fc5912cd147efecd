package cnibench.module.core;

import cnibench.python.Hashlib;
import cnibench.python.PythonError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Hex digests of files and bytes by Ansible's algorithm names (sha1, md5, sha256, ...). */
final class Digests {
    private Digests() {
    }

    static String ofFile(Path file, String algorithm) throws IOException {
        MessageDigest digest = digest(algorithm);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[65536];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String ofBytes(byte[] data, String algorithm) {
        return HexFormat.of().formatHex(digest(algorithm).digest(data));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return Hashlib.digest(algorithm);
        } catch (PythonError e) {
            throw new IllegalArgumentException("Could not hash file with unsupported algorithm " + algorithm);
        }
    }
}
