package cnibench.inventory;

import java.util.ArrayList;
import java.util.List;

/** PROVISIONAL (the inventory owner replaces it): all, names and groups only. */
public final class HostPattern {
    private HostPattern() {
    }

    public static List<Host> select(Inventory inv, String pattern) {
        List<Host> out = new ArrayList<>();
        for (String part : pattern.split("[,:]")) {
            part = part.trim();
            if (part.equals("all") || part.equals("*")) {
                inv.hostsOf(inv.all()).forEach(h -> add(out, h));
            } else if (inv.group(part) != null) {
                inv.hostsOf(inv.group(part)).forEach(h -> add(out, h));
            } else if (inv.host(part) != null) {
                add(out, inv.host(part));
            }
        }
        return out;
    }

    public static List<Host> limit(Inventory inv, List<Host> hosts, String limit) {
        List<Host> allowed = select(inv, limit);
        return hosts.stream().filter(allowed::contains).toList();
    }

    private static void add(List<Host> out, Host h) {
        if (!out.contains(h)) {
            out.add(h);
        }
    }
}
