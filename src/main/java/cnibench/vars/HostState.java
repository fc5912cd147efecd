package cnibench.vars;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What a run learns about one host: facts, include_vars values, set_fact values and registered results. */
public final class HostState {
    private final Map<String, Object> facts = new LinkedHashMap<>();
    private final Map<String, Object> includedVars = new LinkedHashMap<>();
    private final Map<String, Object> runtimeVars = new LinkedHashMap<>();
    private final Set<String> bareNames = new HashSet<>();
    private Map<String, Object> prefixed;

    /** Gathered and cacheable facts, without the ansible_ prefix (as ansible_facts holds them). */
    public synchronized Map<String, Object> facts() {
        return facts;
    }

    /** Facts a module returned without the ansible_ prefix (getent_passwd, packages): variables by that name. */
    public synchronized Set<String> bareNames() {
        return bareNames;
    }

    /**
     * The facts as variables: each under its ansible_ name (a bare one under its own), and all of them as ansible_facts.
     * Callers that change facts() call {@link #factsChanged()}.
     */
    public synchronized Map<String, Object> prefixedFacts() {
        if (prefixed == null) {
            Map<String, Object> out = new LinkedHashMap<>();
            facts.forEach((k, v) -> out.put(k.startsWith("ansible_") || bareNames.contains(k) ? k : "ansible_" + k, v));
            out.put("ansible_facts", facts);
            prefixed = out;
        }
        return prefixed;
    }

    public synchronized void factsChanged() {
        prefixed = null;
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
