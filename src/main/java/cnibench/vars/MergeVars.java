package cnibench.vars;

import java.util.Map;

/** Ansible's combine_vars with hash_behaviour=replace: a later value replaces an earlier one whole. */
final class MergeVars {
    private MergeVars() {
    }

    static void into(Map<String, Object> target, Map<?, ?> layer) {
        if (layer != null) {
            layer.forEach((k, v) -> target.put(String.valueOf(k), v));
        }
    }
}
