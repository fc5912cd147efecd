package cnibench.template;

import com.hubspot.jinjava.objects.collections.PyList;
import com.hubspot.jinjava.objects.collections.PyMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Data that must never be templated (Ansible's "unsafe" values: registered module results,
 * command output). It is kept in marked containers, which lazy resolution and template() pass
 * through untouched, so text like "{{ x }}" in a command's stdout stays text.
 */
final class UnsafeValues {
    /** Marks a container whose contents are never templated. */
    interface Unsafe {
    }

    static final class UnsafeMap extends LinkedHashMap<Object, Object> implements Unsafe {
        private static final long serialVersionUID = 1L;
    }

    static final class UnsafeList extends ArrayList<Object> implements Unsafe {
        private static final long serialVersionUID = 1L;
    }

    private UnsafeValues() {
    }

    /** A deep copy of the value in unsafe containers (strings and scalars are shared). */
    static Object wrap(Object value) {
        if (value instanceof Map<?, ?> map) {
            UnsafeMap out = new UnsafeMap();
            map.forEach((k, v) -> out.put(k, wrap(v)));
            return out;
        }
        if (value instanceof Collection<?> list) {
            UnsafeList out = new UnsafeList();
            list.forEach(v -> out.add(wrap(v)));
            return out;
        }
        return value;
    }

    /** True for an unsafe container, also when Jinjava has wrapped it in its own map or list. */
    static boolean isUnsafe(Object value) {
        if (value instanceof PyMap m) {
            return m.toMap() instanceof Unsafe;
        }
        if (value instanceof PyList l) {
            return l.toList() instanceof Unsafe;
        }
        return value instanceof Unsafe;
    }

    /** The unsafe container itself, unwrapped from Jinjava's wrapper. */
    static Object unwrap(Object value) {
        if (value instanceof PyMap m) {
            return m.toMap();
        }
        if (value instanceof PyList l) {
            return l.toList();
        }
        return value;
    }
}
