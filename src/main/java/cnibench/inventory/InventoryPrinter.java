package cnibench.inventory;

import cnibench.python.PyJson;

import cnibench.source.Position;
import cnibench.source.SourceError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What ansible-inventory prints for --list, --graph and --host. */
public final class InventoryPrinter {
    private final Inventory inventory;
    private final InventoryVars vars;

    public InventoryPrinter(Inventory inventory) {
        this.inventory = inventory;
        this.vars = new InventoryVars(inventory, new VarsFiles());
    }

    /** --list: every group's hosts and children, and _meta.hostvars. */
    public String list() {
        Map<String, Object> out = new LinkedHashMap<>();
        formatGroup(inventory.all(), out, new HashSet<>());
        Map<String, Object> hostvars = new LinkedHashMap<>();
        for (Host host : inventory.hostsOf(inventory.all())) {
            Map<String, Object> hv = vars.forHost(host, List.of());
            if (!hv.isEmpty()) {
                hostvars.put(host.name(), hv);
            }
        }
        out.put("_meta", Map.of("hostvars", hostvars));
        return PyJson.dumps(out, 4, true);
    }

    private static void formatGroup(Group group, Map<String, Object> out, Set<String> seen) {
        Map<String, Object> entry = new LinkedHashMap<>();
        if (!group.name().equals("all") && !group.hosts().isEmpty()) {
            entry.put("hosts", group.hosts().stream().map(Host::name).toList());
        }
        List<String> children = new ArrayList<>();
        out.put(group.name(), entry);
        for (Group child : group.children()) {
            children.add(child.name());
            if (seen.add(child.name())) {
                formatGroup(child, out, seen);
            }
        }
        if (!children.isEmpty()) {
            entry.put("children", children);
        }
        if (entry.isEmpty()) {
            out.remove(group.name());
        }
    }

    /** --graph: the tree from the named group (all by default), children before hosts. */
    public String graph(String groupName) {
        Group start = inventory.group(groupName);
        if (start == null) {
            throw new SourceError("Pattern must be valid group name when using --graph", Position.UNKNOWN);
        }
        List<String> lines = new ArrayList<>();
        graphGroup(start, 0, lines);
        return String.join("\n", lines);
    }

    private static void graphGroup(Group group, int depth, List<String> lines) {
        lines.add(graphName("@" + group.name() + ":", depth));
        for (Group child : group.children()) {
            graphGroup(child, depth + 1, lines);
        }
        if (!group.name().equals("all")) {
            for (Host host : group.hosts()) {
                lines.add(graphName(host.name(), depth + 1));
            }
        }
    }

    private static String graphName(String name, int depth) {
        return depth == 0 ? name : "  |".repeat(depth) + "--" + name;
    }

    /** --host: the host's variables as JSON. */
    public String host(String pattern) {
        List<Host> hosts = inventory.select(pattern);
        if (hosts.size() != 1) {
            throw new SourceError("You must pass a single valid host to --host parameter", Position.UNKNOWN);
        }
        return PyJson.dumps(vars.forHost(hosts.get(0), List.of()), 4, true);
    }
}
