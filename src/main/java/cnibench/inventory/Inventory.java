package cnibench.inventory;

import cnibench.source.Position;
import cnibench.source.SourceError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hosts and groups from every inventory source, with `all` and `ungrouped` as Ansible makes them.
 * Like Ansible's, all's own hosts are only those a source put there directly; {@link #hosts()}
 * and {@link #hostsOf(Group)} give every host.
 */
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

    /**
     * A host by name. A localhost name (localhost, 127.0.0.1, ::1) the inventory lacks gives the
     * inventory's first localhost-like host, else the implicit localhost, as Ansible's get_host does.
     */
    public Host host(String name) {
        Host h = hosts.get(name);
        if (h == null && isLocalhost(name)) {
            return hosts.values().stream().filter(x -> isLocalhost(x.name())).findFirst()
                    .orElseGet(() -> implicitLocalhost(name));
        }
        return h;
    }

    public static boolean isLocalhost(String name) {
        return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("::1");
    }

    /** The localhost Ansible adds when a pattern names it and the inventory does not. */
    public Host implicitLocalhost() {
        return implicitLocalhost("localhost");
    }

    /** The implicit localhost, named after the pattern that first asked for it (as Ansible names it). */
    private Host implicitLocalhost(String name) {
        if (implicitLocalhost == null) {
            implicitLocalhost = new Host(name, true);
            implicitLocalhost.vars().put("ansible_connection", "local");
            implicitLocalhost.vars().put("ansible_python_interpreter", "/usr/bin/python3");
        }
        return implicitLocalhost;
    }

    public Group group(String name) {
        return groups.get(name);
    }

    /** The group of that name, made if it is new; {@link #reconcile()} puts groups without a parent under all. */
    public Group groupOrCreate(String name) {
        return groups.computeIfAbsent(name, Group::new);
    }

    /** The host of that name, made if it is new; {@link #reconcile()} puts it in ungrouped when it has no group. */
    public Host hostOrCreate(String name) {
        return hosts.computeIfAbsent(name, Host::new);
    }

    public void addToGroup(Host host, Group group) {
        group.hosts().add(host);
        host.groups().add(group);
    }

    /** Makes child a child group of parent, refusing loops with Ansible's message. */
    public void link(Group parent, Group child) {
        if (parent == child || ancestors(parent).contains(child)) {
            throw new SourceError("Adding group '" + child.name() + "' as child to '" + parent.name()
                    + "' creates a recursive dependency loop.", Position.UNKNOWN);
        }
        parent.children().add(child);
        child.parents().add(parent);
    }

    private static Set<Group> ancestors(Group group) {
        Set<Group> out = new LinkedHashSet<>();
        collectAncestors(group, out);
        out.remove(group);
        return out;
    }

    /**
     * Sets a variable as Ansible's inventory does: a mapping given twice for the same name is
     * merged (the newer keys win), anything else replaces.
     */
    public static void setVariable(Map<String, Object> vars, String name, Object value) {
        if (vars.get(name) instanceof Map<?, ?> old && value instanceof Map<?, ?> update) {
            Map<Object, Object> merged = new LinkedHashMap<>(old);
            merged.putAll(update);
            vars.put(name, merged);
        } else {
            vars.put(name, value);
        }
    }

    /**
     * Ansible's reconcile_inventory: groups without a parent go under all (in the order they were
     * made), hosts in no group but all go into ungrouped and leave it once they have another group.
     */
    public void reconcile() {
        for (Group g : groups.values()) {
            if (g != all() && g.parents().isEmpty()) {
                link(all(), g);
            }
        }
        Group ungrouped = groups.get("ungrouped");
        for (Host h : hosts.values()) {
            boolean grouped = h.groups().stream().anyMatch(g -> g != all() && g != ungrouped);
            if (grouped) {
                ungrouped.hosts().remove(h);
                h.groups().remove(ungrouped);
            } else {
                addToGroup(h, ungrouped);
            }
        }
    }

    /** Hosts matching an Ansible host pattern; see {@link HostPattern}. */
    public List<Host> select(String pattern) {
        return HostPattern.select(this, pattern);
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

    /**
     * Hosts of a group and its descendants in Ansible's order: the group's own hosts, then those of
     * its descendants level by level; all leaves out the implicit localhost.
     */
    public List<Host> hostsOf(Group group) {
        Set<Host> out = new LinkedHashSet<>();
        for (Group g : descendantsInOrder(group)) {
            for (Host h : g.hosts()) {
                if (!(group == all() && h.implicit())) {
                    out.add(h);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** The group, its children, then each further level, as Group._walk_relationship orders them. */
    private static List<Group> descendantsInOrder(Group group) {
        Set<Group> ordered = new LinkedHashSet<>();
        ordered.add(group);
        List<Group> level = List.of(group);
        while (!level.isEmpty()) {
            List<Group> next = new ArrayList<>();
            for (Group g : level) {
                for (Group child : g.children()) {
                    if (ordered.add(child)) {
                        next.add(child);
                    }
                }
            }
            level = next;
        }
        return new ArrayList<>(ordered);
    }
}
