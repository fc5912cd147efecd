package cnibench.inventory;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A host of the inventory with the variables the inventory source gave it directly. */
public final class Host {
    private final String name;
    private final Map<String, Object> vars = new LinkedHashMap<>();
    private final Set<Group> groups = new LinkedHashSet<>();
    private final boolean implicit;
    private Path source;

    public Host(String name) {
        this(name, false);
    }

    /** An implicit host is the localhost Ansible makes up when the inventory lacks it. */
    public Host(String name, boolean implicit) {
        this.name = name;
        this.implicit = implicit;
    }

    public String name() {
        return name;
    }

    /** Host variables from the inventory source itself (not host_vars/). */
    public Map<String, Object> vars() {
        return vars;
    }

    /** Groups the host was put in directly. */
    public Set<Group> groups() {
        return groups;
    }

    public boolean implicit() {
        return implicit;
    }

    /** The inventory source the host was first read from (inventory_file); null for host lists and implicit hosts. */
    public Path source() {
        return source;
    }

    public void setSource(Path source) {
        this.source = source;
    }

    @Override
    public String toString() {
        return name;
    }
}
