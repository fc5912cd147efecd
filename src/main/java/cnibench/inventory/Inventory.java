package cnibench.inventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hosts and groups from every inventory source, with `all` and `ungrouped` as Ansible makes them. */
public final class Inventory {
    private final Map<String, Host> hosts = new LinkedHashMap<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final List<Path> sourceDirs = new ArrayList<>();
    private Host implicitLocalhost;

    public Inventory() {
        groups.put("all", new Group("all"));
        Group ungrouped = new Group("ungrouped");
        groups.put("ungrouped", ungrouped);
        link(all(), ungrouped);
    }

    public Group all() {
        return groups.get("all");
    }

    public Map<String, Host> hosts() {
        return hosts;
    }

    public Map<String, Group> groups() {
        return groups;
    }

    /** Directories whose group_vars/ and host_vars/ belong to the inventory. */
    public List<Path> sourceDirs() {
        return sourceDirs;
    }

    /** A host by name; localhost exists implicitly when the inventory does not name it. */
    public Host host(String name) {
        Host h = hosts.get(name);
        if (h == null && isLocalhost(name)) {
            return implicitLocalhost();
        }
        return h;
    }

    public static boolean isLocalhost(String name) {
        return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("::1");
    }

    /** The localhost Ansible adds when a pattern names it and the inventory does not. */
    public Host implicitLocalhost() {
        if (implicitLocalhost == null) {
            implicitLocalhost = new Host("localhost", true);
            implicitLocalhost.vars().put("ansible_connection", "local");
            implicitLocalhost.vars().put("ansible_python_interpreter", "/usr/bin/python3");
        }
        return implicitLocalhost;
    }

    public Group group(String name) {
        return groups.get(name);
    }

    /** The group of that name, made (under all) if it is new. */
    public Group groupOrCreate(String name) {
        return groups.computeIfAbsent(name, n -> {
            Group g = new Group(n);
            link(all(), g);
            return g;
        });
    }

    /** The host of that name, made (in ungrouped) if it is new. */
    public Host hostOrCreate(String name) {
        return hosts.computeIfAbsent(name, n -> {
            Host h = new Host(n);
            all().hosts().add(h);
            return h;
        });
    }

    public void addToGroup(Host host, Group group) {
        group.hosts().add(host);
        host.groups().add(group);
    }

    /** Makes child a child group of parent; a group under another leaves `all`'s direct children. */
    public void link(Group parent, Group child) {
        if (parent != all()) {
            all().children().remove(child);
            child.parents().remove(all());
        }
        parent.children().add(child);
        child.parents().add(parent);
    }

    /** Puts hosts that ended up in no group other than all into ungrouped, as Ansible does after parsing. */
    public void reconcile() {
        Group ungrouped = groups.get("ungrouped");
        for (Host h : hosts.values()) {
            all().hosts().add(h);
            boolean grouped = h.groups().stream().anyMatch(g -> g != all() && g != ungrouped);
            if (grouped) {
                ungrouped.hosts().remove(h);
                h.groups().remove(ungrouped);
            } else {
                addToGroup(h, ungrouped);
            }
        }
    }

    /** Every group the host belongs to, directly or through children, in the order their vars apply. */
    public List<Group> groupsOf(Host host) {
        Set<Group> out = new LinkedHashSet<>();
        out.add(all());
        for (Group g : host.groups()) {
            collectAncestors(g, out);
        }
        List<Group> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparingInt(Group::depth).thenComparingInt(Group::priority).thenComparing(Group::name));
        return sorted;
    }

    private static void collectAncestors(Group g, Set<Group> out) {
        if (out.add(g)) {
            g.parents().forEach(p -> collectAncestors(p, out));
        }
    }

    /** Names of the host's groups as group_names gives them: sorted, without all. */
    public List<String> groupNames(Host host) {
        return groupsOf(host).stream().map(Group::name).filter(n -> !n.equals("all")).sorted().toList();
    }

    /** Hosts of a group and its descendants, in inventory order. */
    public List<Host> hostsOf(Group group) {
        Set<Host> out = new LinkedHashSet<>();
        collectHosts(group, out, new LinkedHashSet<>());
        List<Host> ordered = new ArrayList<>();
        for (Host h : hosts.values()) {
            if (out.contains(h)) {
                ordered.add(h);
            }
        }
        return ordered;
    }

    private static void collectHosts(Group group, Set<Host> out, Set<Group> seen) {
        if (seen.add(group)) {
            out.addAll(group.hosts());
            group.children().forEach(c -> collectHosts(c, out, seen));
        }
    }
}
