package cnibench.module.kubernetes;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a live object already has everything a manifest asks for: every field of the manifest
 * must be present with the same value, while fields the server filled in (defaults, status, bookkeeping
 * metadata) are ignored. Applying the same manifest twice is therefore unchanged the second time.
 */
public final class SubsetMatch {
    private static final Set<String> SERVER_METADATA = Set.of("resourceVersion", "uid", "creationTimestamp",
            "managedFields", "generation", "selfLink", "deletionTimestamp", "deletionGracePeriodSeconds");

    private SubsetMatch() {
    }

    /** True when live satisfies desired; namespaced tells whether metadata.namespace is meaningful. */
    @SuppressWarnings("unchecked")
    public static boolean satisfies(Map<String, Object> live, Map<String, Object> desired, boolean namespaced) {
        if (live == null) {
            return false;
        }
        Map<String, Object> wanted = Manifests.deepCopy(desired);
        wanted.remove("status");
        if (wanted.get("metadata") instanceof Map<?, ?> metadata) {
            SERVER_METADATA.forEach(metadata::remove);
            if (!namespaced) {
                metadata.remove("namespace");
            }
        }
        if ("Secret".equals(wanted.get("kind")) && wanted.get("stringData") instanceof Map<?, ?> stringData) {
            Map<String, Object> data = new LinkedHashMap<>();
            if (wanted.get("data") instanceof Map<?, ?> existing) {
                data.putAll((Map<String, Object>) existing);
            }
            stringData.forEach((k, v) -> data.put(String.valueOf(k),
                    Base64.getEncoder().encodeToString(String.valueOf(v).getBytes(StandardCharsets.UTF_8))));
            wanted.remove("stringData");
            wanted.put("data", data);
        }
        return contains(live, wanted);
    }

    /** Subset comparison of two JSON-like values. */
    static boolean contains(Object live, Object desired) {
        if (desired == null) {
            return true;
        }
        if (desired instanceof Map<?, ?> want) {
            if (!(live instanceof Map<?, ?> have)) {
                return want.isEmpty() && live == null;
            }
            for (Map.Entry<?, ?> e : want.entrySet()) {
                Object liveValue = have.get(e.getKey());
                if (e.getValue() == null ? liveValue != null && !isEmpty(liveValue) : !contains(liveValue, e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (desired instanceof List<?> want) {
            if (!(live instanceof List<?> have) || have.size() != want.size()) {
                return want.isEmpty() && live == null;
            }
            for (int i = 0; i < want.size(); i++) {
                if (!contains(have.get(i), want.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (desired instanceof Number a && live instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        if (live == null) {
            return false;
        }
        // int-or-string fields (ports, quantities) may come back in the other form
        return desired.equals(live) || String.valueOf(desired).equals(String.valueOf(live));
    }

    private static boolean isEmpty(Object value) {
        return value instanceof Map<?, ?> m && m.isEmpty() || value instanceof List<?> l && l.isEmpty();
    }
}
