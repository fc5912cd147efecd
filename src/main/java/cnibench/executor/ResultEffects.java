package cnibench.executor;

import cnibench.inventory.Group;
import cnibench.inventory.Host;
import cnibench.inventory.Inventory;
import cnibench.module.spi.AddedGroup;
import cnibench.module.spi.AddedHost;
import cnibench.module.spi.ModuleResult;
import cnibench.vars.HostState;
import cnibench.vars.VariableManager;
import java.util.Map;

/** Applies what a module's result asks of the run: variables in their scope, hosts and groups added. */
final class ResultEffects {
    private final VariableManager variables;

    ResultEffects(VariableManager variables) {
        this.variables = variables;
    }

    /** A failed result changes nothing, as in Ansible. */
    void apply(Host host, ModuleResult result) {
        if (result.isFailed()) {
            return;
        }
        if (result.facts() != null) {
            setVariables(variables.state(host), result.facts(), result);
        }
        if (result.addedHost() != null) {
            addHost(result.addedHost());
        }
        if (result.addedGroup() != null) {
            addToGroup(host, result.addedGroup());
        }
    }

    private static void setVariables(HostState state, Map<String, Object> values, ModuleResult result) {
        synchronized (state) {
            switch (result.factScope()) {
                case SET_FACT -> state.runtimeVars().putAll(values);
                case CACHEABLE_SET_FACT -> {
                    state.runtimeVars().putAll(values);
                    state.facts().putAll(values);
                    state.factsChanged();
                }
                case INCLUDED_VARS -> state.includedVars().putAll(values);
                case HOST_FACTS -> {
                    values.forEach((key, value) -> {
                        // facts without the prefix (getent_passwd) stay variables by their own name
                        if (!key.startsWith("ansible_")) {
                            state.bareNames().add(key);
                        }
                        state.facts().put(key.startsWith("ansible_") ? key.substring(8) : key, value);
                    });
                    state.factsChanged();
                }
            }
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
