package cnibench.module.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code mode} argument as Ansible reads it: an int (YAML's 0644 arrives as 420), an octal
 * string ("0644", "644") or a symbolic chmod expression ("u=rw,g=r,o=r", "u+x", "a-w").
 */
final class FileMode {
    private static final int PERM_BITS = 07777;
    private static final int UMASK = 022;
    private static final Pattern OCTAL = Pattern.compile("[0-7]{1,4}");
    private static final Pattern SYMBOLIC = Pattern.compile("([ugoa]*)((?:[-+=][rwxXstugo]*)+)");
    private static final Pattern OPERATION = Pattern.compile("([-+=])([rwxXstugo]*)");

    private FileMode() {
    }

    /** The permission bits the argument asks for, given the path's current mode and type. */
    static int resolve(Object mode, int current, boolean directory) {
        if (mode instanceof Number n) {
            return n.intValue() & PERM_BITS;
        }
        String text = String.valueOf(mode).trim();
        if (text.startsWith("0o")) {
            text = text.substring(2);
        }
        if (OCTAL.matcher(text).matches()) {
            return Integer.parseInt(text, 8);
        }
        return symbolic(text, current & PERM_BITS, directory);
    }

    /** Ansible's rendering of permission bits: "0644", "01777". */
    static String format(int mode) {
        return String.format("0%03o", mode & PERM_BITS);
    }

    private static int symbolic(String expression, int current, boolean directory) {
        int mode = current;
        for (String clause : expression.split(",")) {
            Matcher m = SYMBOLIC.matcher(clause);
            if (!m.matches()) {
                throw new IllegalArgumentException("mode must be in octal or symbolic form");
            }
            String users = m.group(1);
            boolean useUmask = users.isEmpty();
            if (users.isEmpty() || users.contains("a")) {
                users = "ugo";
            }
            Matcher op = OPERATION.matcher(m.group(2));
            while (op.find()) {
                for (char user : users.toCharArray()) {
                    int bits = bits(user, op.group(2), mode, directory, useUmask);
                    mode = apply(user, op.group(1).charAt(0), bits, mode);
                }
            }
        }
        return mode;
    }

    private static int apply(char user, char operator, int bits, int mode) {
        return switch (operator) {
            case '=' -> {
                int mask = switch (user) {
                    case 'u' -> 0700 | 04000;
                    case 'g' -> 070 | 02000;
                    default -> 07 | 01000;
                };
                yield (mode & (mask ^ PERM_BITS)) | bits;
            }
            case '+' -> mode | bits;
            default -> mode & ~bits;
        };
    }

    private static int bits(char user, String perms, int previous, boolean directory, boolean useUmask) {
        int shift = switch (user) {
            case 'u' -> 6;
            case 'g' -> 3;
            default -> 0;
        };
        int allowed = useUmask ? (UMASK ^ PERM_BITS) : PERM_BITS;
        int out = 0;
        for (char p : perms.toCharArray()) {
            out |= switch (p) {
                case 'r' -> (4 << shift) & allowed;
                case 'w' -> (2 << shift) & allowed;
                case 'x' -> (1 << shift) & allowed;
                case 'X' -> directory || (previous & 0111) != 0 ? 1 << shift : 0;
                case 's' -> user == 'u' ? 04000 : user == 'g' ? 02000 : 0;
                case 't' -> user == 'o' ? 01000 : 0;
                case 'u' -> ((previous >> 6) & 7) << shift;
                case 'g' -> ((previous >> 3) & 7) << shift;
                default -> (previous & 7) << shift;
            };
        }
        return out;
    }
}
