package cnibench.template;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The version test: LooseVersion comparison (numbers numerically, other parts as text). */
final class Versions {
    private static final Pattern COMPONENT = Pattern.compile("\\d+|[a-zA-Z]+");

    private Versions() {
    }

    static boolean compare(String left, String right, String operator) {
        int c = compare(parts(left), parts(right));
        return switch (operator) {
            case "==", "=", "eq" -> c == 0;
            case "!=", "<>", "ne" -> c != 0;
            case "<", "lt" -> c < 0;
            case "<=", "le" -> c <= 0;
            case ">", "gt" -> c > 0;
            case ">=", "ge" -> c >= 0;
            default -> throw new TemplateError("Invalid operator type (" + operator + ")");
        };
    }

    private static List<Object> parts(String version) {
        List<Object> parts = new ArrayList<>();
        Matcher m = COMPONENT.matcher(version);
        while (m.find()) {
            String p = m.group();
            parts.add(Character.isDigit(p.charAt(0)) ? (Object) Long.parseLong(p) : p);
        }
        return parts;
    }

    private static int compare(List<Object> a, List<Object> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int c;
            if (x instanceof Long l && y instanceof Long r) {
                c = Long.compare(l, r);
            } else if (x instanceof Long) {
                c = 1;
            } else if (y instanceof Long) {
                c = -1;
            } else {
                c = x.toString().compareTo(y.toString());
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
