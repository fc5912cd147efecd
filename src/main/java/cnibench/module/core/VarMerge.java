package cnibench.module.core;

import java.util.LinkedHashMap;
import java.util.Map;

/** Ansible's combine_vars with hash_behaviour=merge: dictionaries merge recursively, anything else is replaced. */
final class VarMerge {
    private VarMerge() {
    }

    static Object combine(Object old, Object update) {
        if (!(old instanceof Map<?, ?> oldMap) || !(update instanceof Map<?, ?> updateMap)) {
            return update;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        oldMap.forEach((k, v) -> out.put(String.valueOf(k), v));
        updateMap.forEach((k, v) -> {
            String key = String.valueOf(k);
            out.put(key, out.containsKey(key) ? combine(out.get(key), v) : v);
        });
        return out;
    }
}
