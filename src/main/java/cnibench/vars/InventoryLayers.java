package cnibench.vars;

import cnibench.inventory.Group;
import cnibench.inventory.Host;
import cnibench.inventory.Inventory;
import cnibench.inventory.VarsFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The inventory part of a host's variables in Ansible's order: group vars (all first, then groups by
 * depth, priority and name), each from the inventory source, then group_vars/ beside the inventory,
 * then group_vars/ beside the playbook; then host vars in the same three places.
 */
public final class InventoryLayers {
    private final Inventory inventory;
    private final Path playbookDir;
    private final Map<String, Map<String, Object>> cache = new ConcurrentHashMap<>();

    public InventoryLayers(Inventory inventory, Path playbookDir) {
        this.inventory = inventory;
        this.playbookDir = playbookDir;
    }

    public Map<String, Object> forHost(Host host) {
        return cache.computeIfAbsent(host.name(), n -> compute(host));
    }

    /** Forgets cached layers after add_host or group_by changed the inventory. */
    public void invalidate() {
        cache.clear();
    }

    private Map<String, Object> compute(Host host) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Group> groups = inventory.groupsOf(host);
        List<Path> dirs = inventory.sourceDirs();
        Group all = inventory.all();
        MergeVars.into(out, all.vars());
        dirs.forEach(d -> MergeVars.into(out, VarsFiles.groupVars(d, "all")));
        MergeVars.into(out, playbookLayer(d -> VarsFiles.groupVars(d, "all")));
        for (Group g : groups) {
            if (g == all) {
                continue;
            }
            MergeVars.into(out, g.vars());
            dirs.forEach(d -> MergeVars.into(out, VarsFiles.groupVars(d, g.name())));
            MergeVars.into(out, playbookLayer(d -> VarsFiles.groupVars(d, g.name())));
        }
        MergeVars.into(out, host.vars());
        dirs.forEach(d -> MergeVars.into(out, VarsFiles.hostVars(d, host.name())));
        MergeVars.into(out, playbookLayer(d -> VarsFiles.hostVars(d, host.name())));
        return out;
    }

    private Map<String, Object> playbookLayer(java.util.function.Function<Path, Map<String, Object>> read) {
        if (playbookDir == null || inventory.sourceDirs().contains(playbookDir)) {
            return Map.of();
        }
        return read.apply(playbookDir);
    }
}
