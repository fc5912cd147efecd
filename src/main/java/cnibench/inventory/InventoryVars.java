package cnibench.inventory;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A host's variables from the inventory, layered as VariableManager.get_vars does before play
 * and task vars: all's vars, the host's groups' vars (by depth, priority, name), group_vars/all of
 * the inventory then of the playbook, the groups' group_vars of the inventory then of the playbook,
 * the host's own vars, its host_vars of the inventory then of the playbook. Each layer replaces
 * whole top-level keys (hash_behaviour=replace).
 */
public final class InventoryVars {
    private final Inventory inventory;
    private final VarsFiles files;

    public InventoryVars(Inventory inventory, VarsFiles files) {
        this.inventory = inventory;
        this.files = files;
    }

    /** The host's merged inventory variables, with fresh vars files. */
    public static Map<String, Object> forHost(Inventory inventory, Host host) {
        return new InventoryVars(inventory, new VarsFiles()).forHost(host, List.of());
    }

    /** The host's merged inventory variables, with group_vars/host_vars next to playbookDirs too. */
    public Map<String, Object> forHost(Host host, List<Path> playbookDirs) {
        Group all = inventory.all();
        List<Group> groups = inventory.groupsOf(host).stream().filter(g -> g != all).toList();
        Map<String, Object> vars = new LinkedHashMap<>(all.vars());
        groups.forEach(g -> vars.putAll(g.vars()));
        for (Path dir : inventory.sourceDirs()) {
            vars.putAll(files.groupVars(dir, "all"));
        }
        for (Path dir : playbookDirs) {
            vars.putAll(files.groupVars(dir, "all"));
        }
        for (Path dir : inventory.sourceDirs()) {
            groups.forEach(g -> vars.putAll(files.groupVars(dir, g.name())));
        }
        for (Path dir : playbookDirs) {
            groups.forEach(g -> vars.putAll(files.groupVars(dir, g.name())));
        }
        vars.putAll(host.vars());
        for (Path dir : inventory.sourceDirs()) {
            vars.putAll(files.hostVars(dir, host.name()));
        }
        for (Path dir : playbookDirs) {
            vars.putAll(files.hostVars(dir, host.name()));
        }
        return vars;
    }
}
