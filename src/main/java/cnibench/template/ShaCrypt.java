package cnibench.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * SHA-crypt ($5$ SHA-256, $6$ SHA-512) as specified by Ulrich Drepper's "Unix crypt using SHA-256
 * and SHA-512", which glibc's crypt(3) and passlib implement: the password_hash filter.
 */
final class ShaCrypt {
    private static final String B64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int[][] SHA256_ORDER = {{0, 10, 20}, {21, 1, 11}, {12, 22, 2}, {3, 13, 23}, {24, 4, 14},
        {15, 25, 5}, {6, 16, 26}, {27, 7, 17}, {18, 28, 8}, {9, 19, 29}};
    private static final int[][] SHA512_ORDER = {{0, 21, 42}, {22, 43, 1}, {44, 2, 23}, {3, 24, 45}, {25, 46, 4},
        {47, 5, 26}, {6, 27, 48}, {28, 49, 7}, {50, 8, 29}, {9, 30, 51}, {31, 52, 10}, {53, 11, 32}, {12, 33, 54},
        {34, 55, 13}, {56, 14, 35}, {15, 36, 57}, {37, 58, 16}, {59, 17, 38}, {18, 39, 60}, {40, 61, 19}, {62, 20, 41}};
    static final int DEFAULT_ROUNDS = 5000;

    private ShaCrypt() {
    }

    /** A random salt of 16 characters from the crypt alphabet. */
    static String randomSalt() {
        SecureRandom random = new SecureRandom();
        StringBuilder salt = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            salt.append(B64.charAt(random.nextInt(B64.length())));
        }
        return salt.toString();
    }

    /**
     * The crypt string; rounds are written into it unless they are the default 5000, as passlib
     * writes them.
     */
    static String hash(String password, String salt, int rounds, boolean sha512) {
        String algorithm = sha512 ? "SHA-512" : "SHA-256";
        int size = sha512 ? 64 : 32;
        byte[] key = password.getBytes(StandardCharsets.UTF_8);
        byte[] s = (salt.length() > 16 ? salt.substring(0, 16) : salt).getBytes(StandardCharsets.UTF_8);
        rounds = Math.max(1000, Math.min(999_999_999, rounds));

        MessageDigest b = digest(algorithm);
        b.update(key);
        b.update(s);
        b.update(key);
        byte[] bDigest = b.digest();

        MessageDigest a = digest(algorithm);
        a.update(key);
        a.update(s);
        repeat(a, bDigest, key.length, size);
        for (int n = key.length; n > 0; n >>= 1) {
            a.update((n & 1) != 0 ? bDigest : key);
        }
        byte[] aDigest = a.digest();

        MessageDigest dp = digest(algorithm);
        for (int i = 0; i < key.length; i++) {
            dp.update(key);
        }
        byte[] p = sequence(dp.digest(), key.length, size);

        MessageDigest ds = digest(algorithm);
        for (int i = 0; i < 16 + (aDigest[0] & 0xff); i++) {
            ds.update(s);
        }
        byte[] sBytes = sequence(ds.digest(), s.length, size);

        byte[] c = aDigest;
        for (int i = 0; i < rounds; i++) {
            MessageDigest round = digest(algorithm);
            round.update((i & 1) != 0 ? p : c);
            if (i % 3 != 0) {
                round.update(sBytes);
            }
            if (i % 7 != 0) {
                round.update(p);
            }
            round.update((i & 1) != 0 ? c : p);
            c = round.digest();
        }

        StringBuilder out = new StringBuilder(sha512 ? "$6$" : "$5$");
        if (rounds != DEFAULT_ROUNDS) {
            out.append("rounds=").append(rounds).append('$');
        }
        out.append(new String(s, StandardCharsets.UTF_8)).append('$');
        for (int[] group : sha512 ? SHA512_ORDER : SHA256_ORDER) {
            encode(out, c[group[0]] & 0xff, c[group[1]] & 0xff, c[group[2]] & 0xff, 4);
        }
        if (sha512) {
            encode(out, 0, 0, c[63] & 0xff, 2);
        } else {
            encode(out, 0, c[31] & 0xff, c[30] & 0xff, 3);
        }
        return out.toString();
    }

    private static void repeat(MessageDigest md, byte[] block, int length, int size) {
        int n = length;
        for (; n > size; n -= size) {
            md.update(block);
        }
        md.update(block, 0, n);
    }

    /** `length` bytes made of repeated copies of the digest. */
    private static byte[] sequence(byte[] digest, int length, int size) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = digest[i % size];
        }
        return out;
    }

    private static void encode(StringBuilder out, int b2, int b1, int b0, int chars) {
        int w = (b2 << 16) | (b1 << 8) | b0;
        for (int i = 0; i < chars; i++) {
            out.append(B64.charAt(w & 0x3f));
            w >>= 6;
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
