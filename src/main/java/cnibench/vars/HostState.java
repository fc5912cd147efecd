package cnibench.vars;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a run learns about one host: facts, include_vars values, set_fact values and registered results. */
public final class HostState {
    private final Map<String, Object> facts = new LinkedHashMap<>();
    private final Map<String, Object> includedVars = new LinkedHashMap<>();
    private final Map<String, Object> runtimeVars = new LinkedHashMap<>();

    /** Gathered and cacheable facts, without the ansible_ prefix (as ansible_facts holds them). */
    public synchronized Map<String, Object> facts() {
        return facts;
    }

    /** Values from include_vars (Ansible's vars cache). */
    public synchronized Map<String, Object> includedVars() {
        return includedVars;
    }

    /** set_fact values and registered results (Ansible's non-persistent facts). */
    public synchronized Map<String, Object> runtimeVars() {
        return runtimeVars;
    }
}
