package cnibench.executor;

import cnibench.inventory.Group;
import cnibench.inventory.Host;
import cnibench.inventory.Inventory;
import cnibench.module.spi.AddedGroup;
import cnibench.module.spi.AddedHost;
import cnibench.module.spi.ModuleResult;
import cnibench.vars.VariableManager;

/** Applies what a module's result asks of the run: variables in their scope, hosts and groups added. */
final class ResultEffects {
    private final VariableManager variables;
    private final HostStateWrites writes;

    ResultEffects(VariableManager variables) {
        this.variables = variables;
        this.writes = new HostStateWrites(variables);
    }

    /** A failed result changes nothing, as in Ansible. */
    void apply(Host host, ModuleResult result) {
        if (result.isFailed()) {
            return;
        }
        if (result.facts() != null) {
            writes.setVariables(host, result.factScope(), result.facts());
        }
        if (result.addedHost() != null) {
            addHost(result.addedHost());
        }
        if (result.addedGroup() != null) {
            addToGroup(host, result.addedGroup());
        }
    }

    private void addHost(AddedHost added) {
        Inventory inv = variables.inventory();
        synchronized (inv) {
            Host h = inv.hostOrCreate(added.name());
            h.vars().putAll(added.vars());
            added.groups().forEach(g -> inv.addToGroup(h, inv.groupOrCreate(g)));
            inv.reconcile();
            variables.inventoryChanged();
        }
    }

    private void addToGroup(Host host, AddedGroup added) {
        Inventory inv = variables.inventory();
        synchronized (inv) {
            Group g = inv.groupOrCreate(added.name());
            inv.addToGroup(host, g);
            added.parents().stream().filter(p -> !p.equals("all")).forEach(p -> inv.link(inv.groupOrCreate(p), g));
            inv.reconcile();
            variables.inventoryChanged();
        }
    }
}
