package cnibench.inventory;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** An inventory group: its own hosts, child groups and the variables the source gave it. */
public final class Group {
    private final String name;
    private final Map<String, Object> vars = new LinkedHashMap<>();
    private final Set<Host> hosts = new LinkedHashSet<>();
    private final Set<Group> children = new LinkedHashSet<>();
    private final Set<Group> parents = new LinkedHashSet<>();
    private int priority = 1;

    public Group(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public Map<String, Object> vars() {
        return vars;
    }

    public Set<Host> hosts() {
        return hosts;
    }

    public Set<Group> children() {
        return children;
    }

    public Set<Group> parents() {
        return parents;
    }

    /** ansible_group_priority as the inventory source set it, 1 when unset. */
    public int priority() {
        return priority;
    }

    /** Ansible keeps the priority out of the group's vars: group_vars files cannot change it. */
    public void setPriority(int priority) {
        this.priority = priority;
    }

    /** Distance from `all`: all is 0, its direct children 1, and so on (the longest path). */
    public int depth() {
        int d = 0;
        for (Group parent : parents) {
            d = Math.max(d, parent.depth() + 1);
        }
        return d;
    }

    @Override
    public String toString() {
        return name;
    }
}
