package cnibench.python;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Python's printf-style `'%s-%05.1f' % (a, b)` and `'%(name)s' % {'name': x}`. */
public final class PercentFormat {
    private static final Pattern SPEC = Pattern.compile("%(?:\\((\\w+)\\))?([-+ #0]*)(\\d+)?(?:\\.(\\d+))?([sridfFeEgGxXoc%])");

    private PercentFormat() {
    }

    public static String format(String format, Object args) {
        List<?> values = PyTuple.isTuple(args) ? (List<?>) args : Collections.singletonList(args);
        StringBuilder out = new StringBuilder();
        Matcher m = SPEC.matcher(format);
        int next = 0;
        int last = 0;
        while (m.find()) {
            out.append(format, last, m.start());
            last = m.end();
            char type = m.group(5).charAt(0);
            if (type == '%') {
                out.append('%');
                continue;
            }
            Object value;
            if (m.group(1) != null) {
                if (!(args instanceof Map<?, ?> map)) {
                    throw new PythonError("format requires a mapping");
                }
                value = map.get(m.group(1));
            } else {
                if (next >= values.size()) {
                    throw new PythonError("not enough arguments for format string");
                }
                value = values.get(next++);
            }
            out.append(convert(m.group(2), m.group(3), m.group(4), type, value));
        }
        if (!(args instanceof Map) && next < values.size()) {
            throw new PythonError("not all arguments converted during string formatting");
        }
        return out.append(format.substring(last)).toString();
    }

    private static String convert(String flags, String width, String precision, char type, Object value) {
        String align = flags.contains("-") ? "<" : flags.contains("0") ? "0" : ">";
        String spec = align
                + (width == null ? "" : width) + (precision == null ? "" : "." + precision);
        return switch (type) {
            case 'r' -> PyFormat.apply(spec + "s", PyRepr.repr(value));
            case 's' -> PyFormat.apply(spec + "s", PyRepr.str(value));
            case 'c' -> PyFormat.apply(spec + "s", value instanceof Number n ? String.valueOf((char) n.intValue()) : PyRepr.str(value));
            case 'i', 'd' -> PyFormat.apply(spec + "d", number(type, value));
            case 'F' -> PyFormat.apply(spec + "f", number(type, value));
            case 'E', 'G' -> PyFormat.apply(spec + Character.toLowerCase(type), number(type, value)).toUpperCase();
            default -> PyFormat.apply(spec + type, number(type, value));
        };
    }

    private static Number number(char type, Object value) {
        if (value instanceof Number n) {
            return n;
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        String required = switch (type) {
            case 'i', 'd' -> "%" + type + " format: a real number is required, not ";
            case 'x', 'X', 'o' -> "%" + type + " format: an integer is required, not ";
            default -> "must be real number, not ";
        };
        throw new PythonError(required + PyTypeName.of(value));
    }
}
