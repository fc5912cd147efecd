package cnibench.module.azure;

import cnibench.module.spi.Arguments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cluster azure_rm_aks asks for, checked and written in one canonical form: only what the task sets, enum
 * values spelt as Azure returns them. The same form is made from the cluster Azure has, so that the two compare
 * and show as a diff.
 */
final class AksSpec {
    private static final Map<String, Set<String>> NESTED_KEYS = Map.of(
            "agent_pool_profiles", Set.of("name", "count", "vm_size", "mode"),
            "linux_profile", Set.of("admin_username", "ssh_key"),
            "identity", Set.of("type"),
            "network_profile", Set.of("network_plugin", "load_balancer_sku", "pod_cidr", "service_cidr", "dns_service_ip"));

    private AksSpec() {
    }

    /** The desired cluster; an AzureFailure naming the argument when a nested value is wrong. */
    static Map<String, Object> desired(Arguments args) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("location", Locations.normalize(require(args, "location")));
        out.put("dns_prefix", require(args, "dns_prefix"));
        if (args.has("kubernetes_version")) {
            out.put("kubernetes_version", args.str("kubernetes_version"));
        }
        out.put("agent_pool_profiles", pools(args.list("agent_pool_profiles")));
        if (args.has("linux_profile")) {
            Map<String, Object> linux = nested("linux_profile", args.map("linux_profile"));
            out.put("linux_profile", Map.of("admin_username", required(linux, "linux_profile", "admin_username"),
                    "ssh_key", required(linux, "linux_profile", "ssh_key")));
        }
        if (args.has("identity")) {
            Map<String, Object> identity = nested("identity", args.map("identity"));
            out.put("identity", Map.of("type", choice(identity, "identity.type", "type", "SystemAssigned", "None")));
        }
        if (args.has("network_profile")) {
            out.put("network_profile", network(nested("network_profile", args.map("network_profile"))));
        }
        if (args.has("tags")) {
            Map<String, Object> tags = new TreeMap<>();
            args.map("tags").forEach((k, v) -> tags.put(k, String.valueOf(v)));
            out.put("tags", tags);
        }
        return out;
    }

    private static List<Object> pools(List<Object> given) {
        if (given.isEmpty()) {
            throw new AzureFailure("agent_pool_profiles: at least one pool (name, count, vm_size, mode) is required");
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String where = "agent_pool_profiles[" + i + "]";
            if (!(given.get(i) instanceof Map<?, ?>)) {
                throw new AzureFailure(where + " must be a dict with name, count, vm_size and mode");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> pool = nested(where, (Map<String, Object>) given.get(i));
            Map<String, Object> canonical = new LinkedHashMap<>();
            canonical.put("name", required(pool, where, "name"));
            canonical.put("count", count(where, required(pool, where, "count")));
            canonical.put("vm_size", required(pool, where, "vm_size"));
            canonical.put("mode", pool.containsKey("mode") ? choice(pool, where + ".mode", "mode", "System", "User") : "System");
            out.add(canonical);
        }
        return out;
    }

    private static Map<String, Object> network(Map<String, Object> given) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (given.containsKey("network_plugin")) {
            out.put("network_plugin", choice(given, "network_profile.network_plugin", "network_plugin", "azure", "kubenet", "none"));
        }
        if (given.containsKey("load_balancer_sku")) {
            out.put("load_balancer_sku", choice(given, "network_profile.load_balancer_sku", "load_balancer_sku", "standard", "basic"));
        }
        for (String key : List.of("pod_cidr", "service_cidr", "dns_service_ip")) {
            if (given.get(key) != null) {
                out.put(key, String.valueOf(given.get(key)));
            }
        }
        return out;
    }

    private static Map<String, Object> nested(String where, Map<String, Object> given) {
        String key = where.replaceAll("\\[\\d+]$", "");
        Set<String> known = NESTED_KEYS.get(key);
        for (String name : given.keySet()) {
            if (!known.contains(name)) {
                throw new AzureFailure(where + ": unsupported key " + name + "; supported: " + String.join(", ", new TreeSet<>(known)));
            }
        }
        return given;
    }

    private static String require(Arguments args, String name) {
        if (!args.has(name)) {
            throw new AzureFailure("state=present needs " + name);
        }
        return args.str(name);
    }

    private static String required(Map<String, Object> map, String where, String key) {
        Object value = map.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new AzureFailure(where + ": " + key + " is required");
        }
        return String.valueOf(value);
    }

    private static int count(String where, String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new AzureFailure(where + ": count must be a whole number of nodes, at least 1, got: " + value);
    }

    /** The value among choices, matched regardless of case and returned spelt as Azure spells it. */
    private static String choice(Map<String, Object> map, String where, String key, String... choices) {
        String value = String.valueOf(map.get(key));
        for (String c : choices) {
            if (c.equalsIgnoreCase(value)) {
                return c;
            }
        }
        throw new AzureFailure(where + " must be one of: " + String.join(", ", choices) + ", got: " + value);
    }
}
