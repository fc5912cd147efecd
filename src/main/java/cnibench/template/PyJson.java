package cnibench.template;

import cnibench.python.PyRepr;
import cnibench.text.PythonJson;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/** Python's json.dumps (ensure_ascii on): to_json's ", "/": " separators, to_nice_json's indent. */
final class PyJson {
    private final int indent;
    private final boolean sortKeys;
    private final StringBuilder out = new StringBuilder();

    private PyJson(int indent, boolean sortKeys) {
        this.indent = indent;
        this.sortKeys = sortKeys;
    }

    /** indent 0 means one line. */
    static String dumps(Object value, int indent, boolean sortKeys) {
        PyJson writer = new PyJson(indent, sortKeys);
        writer.write(value, 0);
        return writer.out.toString();
    }

    private void write(Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Undefined u) {
            throw u.error();
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            out.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : PyRepr.formatFloat(d));
        } else if (value instanceof Number) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(sortKeys ? sorted(map) : map, depth);
        } else if (value instanceof Collection<?> list) {
            writeList(list, depth);
        } else {
            writeString(PyRepr.str(value));
        }
    }

    private static Map<?, ?> sorted(Map<?, ?> map) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(PyRepr.str(k), v));
        return sorted;
    }

    private void writeMap(Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            newline(depth + 1);
            Object key = e.getKey();
            writeString(key instanceof Boolean b ? String.valueOf(b) : key == null ? "null" : PyRepr.str(key));
            out.append(": ");
            write(e.getValue(), depth + 1);
            if (it.hasNext()) {
                out.append(indent > 0 ? "," : ", ");
            }
        }
        newline(depth);
        out.append('}');
    }

    private void writeList(Collection<?> list, int depth) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        Iterator<?> it = list.iterator();
        while (it.hasNext()) {
            newline(depth + 1);
            write(it.next(), depth + 1);
            if (it.hasNext()) {
                out.append(indent > 0 ? "," : ", ");
            }
        }
        newline(depth);
        out.append(']');
    }

    private void newline(int depth) {
        if (indent > 0) {
            out.append('\n').append(" ".repeat(indent * depth));
        }
    }

    private void writeString(String s) {
        PythonJson.appendString(out, s, true);
    }
}
