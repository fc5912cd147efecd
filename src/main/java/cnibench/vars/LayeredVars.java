package cnibench.vars;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A host's variables for one task as a stack of precedence layers, read from the top down instead
 * of copied into one map: a task costs the same whether the host has registered ten results or ten
 * thousand. Writes go to the top layer. Iterating merges the layers once.
 */
public final class LayeredVars extends AbstractMap<String, Object> {
    private final List<Map<?, ?>> layers = new ArrayList<>();
    private final Map<String, Object> top = new LinkedHashMap<>();
    private Map<String, Object> merged;

    /** A writable map over base: what is put shadows base, which is neither copied nor changed. */
    public static Map<String, Object> over(Map<String, Object> base) {
        LayeredVars v = new LayeredVars();
        v.push(base);
        return v;
    }

    /** Adds a layer above the ones added so far; null and empty layers are skipped. */
    void push(Map<?, ?> layer) {
        if (layer != null && !layer.isEmpty()) {
            layers.add(layer);
        }
    }

    @Override
    public Object get(Object key) {
        Object v = top.get(key);
        if (v != null || top.containsKey(key)) {
            return v;
        }
        for (int i = layers.size() - 1; i >= 0; i--) {
            Map<?, ?> layer = layers.get(i);
            v = layer.get(key);
            if (v != null || layer.containsKey(key)) {
                return v;
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        if (top.containsKey(key)) {
            return true;
        }
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i).containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Object put(String key, Object value) {
        merged = null;
        Object old = get(key);
        top.put(key, value);
        return old;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        if (merged == null) {
            Map<String, Object> all = new LinkedHashMap<>();
            for (Map<?, ?> layer : layers) {
                layer.forEach((k, v) -> all.put(String.valueOf(k), v));
            }
            all.putAll(top);
            merged = all;
        }
        return merged.entrySet();
    }
}
