package cnibench.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An insertion-ordered set with Python equality (1 == 1.0), for unique/union/intersect/difference. */
final class PySet {
    private final Map<Object, Object> items = new LinkedHashMap<>();

    PySet(List<Object> values) {
        values.forEach(this::add);
    }

    void add(Object value) {
        items.putIfAbsent(Compare.key(value), value);
    }

    boolean contains(Object value) {
        return items.containsKey(Compare.key(value));
    }

    List<Object> toList() {
        return new ArrayList<>(items.values());
    }
}
