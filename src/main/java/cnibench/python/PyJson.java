package cnibench.python;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Python's json.dumps: with ensure_ascii=False for what we print (results, ansible-inventory output, diffs,
 * copied content, so it matches Ansible's byte for byte), with its default ensure_ascii=True for to_json.
 * An indent (even 0) puts every item on its own line and separates items with "," instead of ", ".
 */
public final class PyJson {
    private final Integer indent;
    private final boolean sortKeys;
    private final boolean ensureAscii;
    private final StringBuilder out = new StringBuilder();

    private PyJson(Integer indent, boolean sortKeys, boolean ensureAscii) {
        this.indent = indent;
        this.sortKeys = sortKeys;
        this.ensureAscii = ensureAscii;
    }

    /** json.dumps(value, indent=indent, sort_keys=sortKeys, ensure_ascii=False). */
    public static String dumps(Object value, Integer indent, boolean sortKeys) {
        return new PyJson(indent, sortKeys, false).write(value, 0).out.toString();
    }

    /** json.dumps(value, indent=indent, sort_keys=sortKeys): everything outside printable ASCII escaped. */
    public static String dumpsAscii(Object value, Integer indent, boolean sortKeys) {
        return new PyJson(indent, sortKeys, true).write(value, 0).out.toString();
    }

    private PyJson write(Object v, int level) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            out.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : PyRepr.formatFloat(d));
        } else if (v instanceof Number n) {
            out.append(n);
        } else if (v instanceof Map<?, ?> m) {
            List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
            if (sortKeys) {
                entries.sort((a, b) -> String.valueOf(a.getKey()).compareTo(String.valueOf(b.getKey())));
            }
            if (entries.isEmpty()) {
                out.append("{}");
                return this;
            }
            out.append('{');
            for (int i = 0; i < entries.size(); i++) {
                out.append(i == 0 ? "" : indent == null ? ", " : ",");
                newline(level + 1);
                appendString(String.valueOf(entries.get(i).getKey()));
                out.append(": ");
                write(entries.get(i).getValue(), level + 1);
            }
            newline(level);
            out.append('}');
        } else if (v instanceof Collection<?> c) {
            if (c.isEmpty()) {
                out.append("[]");
                return this;
            }
            out.append('[');
            int i = 0;
            for (Object item : c) {
                out.append(i++ == 0 ? "" : indent == null ? ", " : ",");
                newline(level + 1);
                write(item, level + 1);
            }
            newline(level);
            out.append(']');
        } else if (v instanceof Object[] arr) {
            write(Arrays.asList(arr), level);
        } else {
            appendString(String.valueOf(v));
        }
        return this;
    }

    private void newline(int level) {
        if (indent != null) {
            out.append('\n').append(" ".repeat(indent * level));
        }
    }

    /** A JSON string literal; control characters always escaped, the rest outside printable ASCII when ensureAscii. */
    private void appendString(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || ensureAscii && c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
