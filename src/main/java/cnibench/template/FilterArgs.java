package cnibench.template;

import cnibench.python.AnsibleBoolean;
import cnibench.python.PyRepr;
import java.util.Map;

/** The positional and keyword arguments of one filter or test call, Python style. */
record FilterArgs(Object[] positional, Map<String, Object> named) {
    /** Argument by position, else by name, else the fallback. */
    Object get(int index, String name, Object fallback) {
        if (index >= 0 && index < positional.length) {
            return positional[index];
        }
        return named.containsKey(name) ? named.get(name) : fallback;
    }

    Object get(int index, String name) {
        return get(index, name, null);
    }

    boolean flag(int index, String name, boolean fallback) {
        Object value = get(index, name, fallback);
        return value instanceof Boolean b ? b : AnsibleBoolean.ofBoolFilter(value);
    }

    String string(int index, String name, String fallback) {
        Object value = get(index, name, fallback);
        return value == null ? null : PyRepr.str(value);
    }

    int size() {
        return positional.length;
    }
}
