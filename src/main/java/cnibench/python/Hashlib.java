package cnibench.python;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/** Python's hashlib.new(name) for the algorithms every Python has, by their hashlib names. */
public final class Hashlib {
    private static final Map<String, String> JAVA_NAMES = Map.of("md5", "MD5", "sha1", "SHA-1", "sha224", "SHA-224",
            "sha256", "SHA-256", "sha384", "SHA-384", "sha512", "SHA-512", "sha3_224", "SHA3-224", "sha3_256", "SHA3-256",
            "sha3_384", "SHA3-384", "sha3_512", "SHA3-512");

    private Hashlib() {
    }

    /** Names are case-insensitive, as hashlib's are; an unknown one is hashlib's ValueError. */
    public static MessageDigest digest(String name) {
        String javaName = JAVA_NAMES.get(name.toLowerCase());
        if (javaName == null) {
            throw new PythonError("unsupported hash type " + name);
        }
        try {
            return MessageDigest.getInstance(javaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has " + javaName, e);
        }
    }
}
