package cnibench.playbook;

import cnibench.source.Position;
import cnibench.source.SourceError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The `vars:` keyword as Ansible's _load_vars takes it: a mapping, or a list of mappings merged in order. */
final class VarsKeyword {
    private VarsKeyword() {
    }

    /** The vars as one mapping (the given one when it already is), or an error naming the object. */
    static Map<?, ?> of(Object value, Position at, String owner) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        if (value instanceof List<?> list && list.stream().allMatch(e -> e instanceof Map)) {
            Map<Object, Object> merged = new LinkedHashMap<>();
            list.forEach(e -> merged.putAll((Map<?, ?>) e));
            return merged;
        }
        throw new SourceError("Vars in a " + owner + " must be specified as a dictionary, or a list of dictionaries", at);
    }
}
