package cnibench.module.kubernetes;

import java.util.Map;

/** What a merge patch would leave: the live object with the manifest's fields laid over it (check mode's "after"). */
final class DeepMerge {
    private DeepMerge() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overlay) {
        Map<String, Object> out = Manifests.deepCopy(base);
        overlay.forEach((key, value) -> {
            if (value instanceof Map<?, ?> m && out.get(key) instanceof Map<?, ?> existing) {
                out.put(key, merge((Map<String, Object>) existing, (Map<String, Object>) m));
            } else if (value == null) {
                out.remove(key);
            } else {
                out.put(key, value instanceof Map<?, ?> m ? Manifests.deepCopy((Map<String, Object>) m) : value);
            }
        });
        return out;
    }
}
