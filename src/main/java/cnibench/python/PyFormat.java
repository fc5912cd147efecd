package cnibench.python;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Python format specs ([[fill]align][0][width][.precision][type]) for str.format and '%' style. */
public final class PyFormat {
    private static final Pattern SPEC = Pattern.compile("(?:(.)?([<>^]))?(0)?(\\d+)?(?:\\.(\\d+))?([sdfxXoeg%])?");

    private PyFormat() {
    }

    public static String apply(String spec, Object value) {
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            throw new PythonError("Invalid format specifier '" + spec + "'");
        }
        String type = m.group(6);
        String precision = m.group(5);
        String body;
        if ("f".equals(type) || "e".equals(type) || "g".equals(type)) {
            body = String.format("%." + (precision == null ? "6" : precision) + type, ((Number) value).doubleValue());
        } else if ("d".equals(type)) {
            body = String.valueOf(((Number) value).longValue());
        } else if ("x".equals(type) || "X".equals(type) || "o".equals(type)) {
            body = String.format("%" + type, ((Number) value).longValue());
        } else {
            body = PyRepr.str(value);
            if (precision != null && body.length() > Integer.parseInt(precision)) {
                body = body.substring(0, Integer.parseInt(precision));
            }
        }
        int width = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        if (body.length() >= width) {
            return body;
        }
        boolean numeric = value instanceof Number;
        char fill = m.group(1) != null ? m.group(1).charAt(0) : m.group(3) != null ? '0' : ' ';
        String align = m.group(2) != null ? m.group(2) : numeric ? ">" : "<";
        String pad = String.valueOf(fill).repeat(width - body.length());
        if (fill == '0' && m.group(2) == null && body.startsWith("-")) {
            return "-" + pad + body.substring(1);
        }
        return switch (align) {
            case ">" -> pad + body;
            case "^" -> pad.substring(0, pad.length() / 2) + body + pad.substring(pad.length() / 2);
            default -> body + pad;
        };
    }
}
