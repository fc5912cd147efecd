package cnibench.vars;

import cnibench.inventory.Host;
import cnibench.inventory.Inventory;
import cnibench.inventory.InventoryVars;
import cnibench.inventory.VarsFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The inventory part of a host's variables (inventory sources, group_vars/ and host_vars/ beside
 * the inventory and the playbook), computed once per host until the inventory changes.
 */
final class InventoryLayers {
    private final InventoryVars inventoryVars;
    private final List<Path> playbookDirs;
    private final Map<String, Map<String, Object>> cache = new ConcurrentHashMap<>();

    InventoryLayers(Inventory inventory, Path playbookDir) {
        this.inventoryVars = new InventoryVars(inventory, new VarsFiles());
        this.playbookDirs = playbookDir == null ? List.of() : List.of(playbookDir);
    }

    Map<String, Object> forHost(Host host) {
        return cache.computeIfAbsent(host.name(), n -> inventoryVars.forHost(host, playbookDirs));
    }

    /** Forgets cached layers after add_host or group_by changed the inventory. */
    void invalidate() {
        cache.clear();
    }
}
