package cnibench.executor;

import cnibench.inventory.Host;
import cnibench.module.spi.FactScope;
import cnibench.vars.HostState;
import cnibench.vars.VariableManager;
import java.util.List;
import java.util.Map;

/**
 * Every change the executor makes to what a host knows: registered results (and run_once's sharing
 * of them), the variables a module sets, ansible_failed_* in rescue, and meta clear_facts.
 */
final class HostStateWrites {
    private final VariableManager variables;

    HostStateWrites(VariableManager variables) {
        this.variables = variables;
    }

    void register(Host host, String name, Map<String, Object> result) {
        variables.state(host).runtimeVars().put(name, result);
    }

    /** run_once: what the first host registered is registered for the others too. */
    void shareRegistered(Host first, List<Host> others, String name) {
        Object value = variables.state(first).runtimeVars().get(name);
        others.forEach(h -> variables.state(h).runtimeVars().put(name, value));
    }

    /** In rescue: what failed, as ansible_failed_task and ansible_failed_result. */
    void exposeFailure(Host host, Map<String, Object> failedTask, Map<String, Object> failedResult) {
        var runtime = variables.state(host).runtimeVars();
        runtime.put("ansible_failed_task", failedTask);
        runtime.put("ansible_failed_result", failedResult);
    }

    void clearFacts(Host host) {
        HostState state = variables.state(host);
        synchronized (state) {
            state.facts().clear();
            state.factsChanged();
        }
    }

    /** Variables a module's result sets, in the scope it names. */
    void setVariables(Host host, FactScope scope, Map<String, Object> values) {
        HostState state = variables.state(host);
        synchronized (state) {
            switch (scope) {
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
}
