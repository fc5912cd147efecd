package cnibench.module.core;

import cnibench.text.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible's Linux network facts: interfaces with their addresses (from {@code ip -j addr} and
 * /sys/class/net), all addresses, and the default IPv4/IPv6 routes' interfaces. Keys are without the
 * ansible_ prefix; each interface is also a fact named after it.
 */
final class NetworkFacts {
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final Map<String, String> LINK_TYPES = Map.of("1", "ether", "32", "infiniband", "512", "ppp",
            "772", "loopback", "65534", "tunnel");

    private NetworkFacts() {
    }

    static Map<String, Object> collect(Map<String, String> probe) throws JsonProcessingException {
        Map<String, Map<String, Object>> interfaces = links(probe.getOrDefault("links", ""));
        Map<String, Object> defaultV4 = defaultRoute(probe.getOrDefault("route4", ""), "8.8.8.8");
        Map<String, Object> defaultV6 = defaultRoute(probe.getOrDefault("route6", ""), "2404:6800:400a:800::1012");
        List<String> allV4 = new ArrayList<>();
        List<String> allV6 = new ArrayList<>();
        String addrJson = probe.getOrDefault("addr", "").strip();
        for (JsonNode link : addrJson.isEmpty() ? JSON.createArrayNode() : JSON.readTree(addrJson)) {
            String device = link.path("ifname").asText();
            Map<String, Object> iface = interfaces.computeIfAbsent(device, d -> new LinkedHashMap<>(Map.of("device", d)));
            for (JsonNode addr : link.path("addr_info")) {
                String address = addr.path("local").asText();
                String prefix = addr.path("prefixlen").asText();
                if (addr.path("family").asText().equals("inet")) {
                    Map<String, Object> v4 = ipv4(address, prefix, addr.path("broadcast").asText(""));
                    String label = addr.path("label").asText(device);
                    Map<String, Object> owner = label.equals(device) ? iface
                            : interfaces.computeIfAbsent(label.replace(':', '_'), l -> new LinkedHashMap<>());
                    if (!addr.path("secondary").asBoolean(false) && !owner.containsKey("ipv4")) {
                        owner.put("ipv4", v4);
                    } else {
                        secondaries(owner).add(v4);
                        if (owner != iface) {
                            secondaries(iface).add(v4);
                        }
                    }
                    if (address.equals(defaultV4.get("address"))) {
                        defaultV4.putAll(v4);
                        linkDetails(defaultV4, iface);
                        defaultV4.put("alias", label);
                    }
                    if (!address.startsWith("127.")) {
                        allV4.add(address);
                    }
                } else if (addr.path("family").asText().equals("inet6")) {
                    Map<String, Object> v6 = new LinkedHashMap<>();
                    v6.put("address", address);
                    v6.put("prefix", prefix);
                    v6.put("scope", addr.path("scope").asText());
                    @SuppressWarnings("unchecked")
                    List<Object> list = (List<Object>) iface.computeIfAbsent("ipv6", k -> new ArrayList<>());
                    list.add(v6);
                    if (address.equals(defaultV6.get("address"))) {
                        defaultV6.put("prefix", prefix);
                        defaultV6.put("scope", v6.get("scope"));
                        linkDetails(defaultV6, iface);
                    }
                    if (!address.equals("::1")) {
                        allV6.add(address);
                    }
                }
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("interfaces", new ArrayList<>(interfaces.keySet()));
        interfaces.forEach((name, iface) -> facts.put(name.replace('-', '_'), iface));
        facts.put("all_ipv4_addresses", allV4);
        facts.put("all_ipv6_addresses", allV6);
        facts.put("default_ipv4", defaultV4);
        facts.put("default_ipv6", defaultV6);
        return facts;
    }

    /** Interface details from /sys/class/net, printed by the probe as "name TAB key TAB value" lines. */
    private static Map<String, Map<String, Object>> links(String table) {
        Map<String, Map<String, Object>> interfaces = new LinkedHashMap<>();
        for (String line : PlatformFacts.lines(table)) {
            String[] f = line.split("\t", 3);
            if (f.length < 3) {
                continue;
            }
            Map<String, Object> iface = interfaces.computeIfAbsent(f[0], d -> new LinkedHashMap<>(Map.of("device", d)));
            String value = f[2].strip();
            switch (f[1]) {
                case "address" -> {
                    if (!value.isEmpty() && !value.equals("00:00:00:00:00:00")) {
                        iface.put("macaddress", value);
                    }
                }
                case "mtu" -> iface.put("mtu", Integer.parseInt(value));
                case "operstate" -> iface.put("active", !value.equals("down"));
                case "type" -> iface.putIfAbsent("type", LINK_TYPES.getOrDefault(value, "unknown"));
                case "flags" -> iface.put("promisc", (Integer.decode(value) & 0x100) != 0);
                case "speed" -> iface.put("speed", Integer.parseInt(value));
                case "pciid", "module" -> iface.put(f[1], value);
                case "bridge_id" -> {
                    iface.put("type", "bridge");
                    iface.put("id", value);
                }
                case "stp_state" -> iface.put("stp", value.equals("1"));
                case "brif" -> iface.put("interfaces", value.isEmpty() ? List.of() : List.of(value.split(" ")));
                default -> {
                }
            }
        }
        return interfaces;
    }

    /** The interface, source address and gateway of {@code ip route get} for a public address. */
    private static Map<String, Object> defaultRoute(String output, String target) {
        Map<String, Object> route = new LinkedHashMap<>();
        List<String> lines = PlatformFacts.lines(output);
        String[] words = lines.isEmpty() ? new String[0] : lines.get(0).strip().split("\\s+");
        if (words.length == 0 || !words[0].equals(target)) {
            return route;
        }
        for (int i = 0; i < words.length - 1; i++) {
            switch (words[i]) {
                case "dev" -> route.put("interface", words[i + 1]);
                case "src" -> route.put("address", words[i + 1]);
                case "via" -> {
                    if (!words[i + 1].equals(target)) {
                        route.put("gateway", words[i + 1]);
                    }
                }
                default -> {
                }
            }
        }
        return route;
    }

    private static Map<String, Object> ipv4(String address, String prefix, String broadcast) {
        long addr = toLong(address);
        int bits = Integer.parseInt(prefix);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        Map<String, Object> v4 = new LinkedHashMap<>();
        v4.put("address", address);
        v4.put("broadcast", broadcast);
        v4.put("netmask", toDotted(mask));
        v4.put("network", toDotted(addr & mask));
        v4.put("prefix", prefix);
        return v4;
    }

    private static void linkDetails(Map<String, Object> target, Map<String, Object> iface) {
        target.put("macaddress", iface.getOrDefault("macaddress", "unknown"));
        target.put("mtu", iface.get("mtu"));
        target.put("type", iface.getOrDefault("type", "unknown"));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> secondaries(Map<String, Object> iface) {
        return (List<Object>) iface.computeIfAbsent("ipv4_secondaries", k -> new ArrayList<>());
    }

    private static long toLong(String dotted) {
        long value = 0;
        for (String part : dotted.split("\\.")) {
            value = (value << 8) | Integer.parseInt(part);
        }
        return value;
    }

    private static String toDotted(long value) {
        return ((value >> 24) & 255) + "." + ((value >> 16) & 255) + "." + ((value >> 8) & 255) + "." + (value & 255);
    }
}
