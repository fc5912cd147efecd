package cnibench.inventory;

import java.nio.file.Path;
import java.util.List;

/** PROVISIONAL (the inventory owner replaces it): comma-separated host lists only. */
public final class InventoryLoader {
    private InventoryLoader() {
    }

    public static Inventory load(List<String> sources, Path cwd) {
        Inventory inv = new Inventory();
        for (String s : sources) {
            for (String h : s.split(",")) {
                if (!h.isBlank()) {
                    inv.hostOrCreate(h.trim());
                }
            }
        }
        inv.reconcile();
        return inv;
    }
}
