package cnibench.executor;

import java.util.Collection;
import java.util.Map;

/** Python's str()/repr() of values, for item labels: (item={'key': 'a', 'value': 1}). */
final class PythonRepr {
    private PythonRepr() {
    }

    static String label(Object item) {
        return item instanceof String s ? s : repr(item);
    }

    static String repr(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof String s) {
            return s.contains("'") && !s.contains("\"") ? "\"" + s + "\"" : "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (v instanceof Double d) {
            return cnibench.text.PythonJson.dumps(d, null, false);
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder out = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.append(first ? "" : ", ").append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
                first = false;
            }
            return out.append('}').toString();
        }
        if (v instanceof Collection<?> c) {
            StringBuilder out = new StringBuilder("[");
            boolean first = true;
            for (Object o : c) {
                out.append(first ? "" : ", ").append(repr(o));
                first = false;
            }
            return out.append(']').toString();
        }
        return String.valueOf(v);
    }
}
