package cnibench.module.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a module reports: whether it changed or failed, its message, diff, the module-specific fields
 * (rc, stdout, ...) that a task registers, and its effects on the run (variables in their scope, hosts
 * and groups added), which the executor applies; {@link #toMap()} is the dictionary Ansible returns.
 */
public final class ModuleResult {
    private boolean changed;
    private boolean failed;
    private boolean skipped;
    private String msg;
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private Map<String, Object> facts;
    private FactScope factScope;
    private AddedHost addedHost;
    private AddedGroup addedGroup;
    private Map<String, Object> diff;

    public static ModuleResult ok() {
        return new ModuleResult();
    }

    public static ModuleResult changed(boolean changed) {
        ModuleResult r = new ModuleResult();
        r.changed = changed;
        return r;
    }

    public static ModuleResult failed(String msg) {
        ModuleResult r = new ModuleResult();
        r.failed = true;
        r.msg = msg;
        return r;
    }

    public static ModuleResult skipped(String msg) {
        ModuleResult r = new ModuleResult();
        r.skipped = true;
        r.msg = msg;
        return r;
    }

    public ModuleResult msg(String message) {
        this.msg = message;
        return this;
    }

    public ModuleResult setChanged(boolean value) {
        this.changed = value;
        return this;
    }

    public ModuleResult setFailed(boolean value) {
        this.failed = value;
        return this;
    }

    /** A module-specific result field, e.g. rc or stdout. */
    public ModuleResult put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    public ModuleResult putAll(Map<String, ?> values) {
        fields.putAll(values);
        return this;
    }

    /** Host facts (as setup gathers them) for the executor to set; returned as ansible_facts. */
    public ModuleResult hostFacts(Map<String, Object> values) {
        return variables(values, FactScope.HOST_FACTS);
    }

    /** set_fact's variables for the rest of the run; cacheable ones become facts too. */
    public ModuleResult setFacts(Map<String, Object> values, boolean cacheable) {
        return variables(values, cacheable ? FactScope.CACHEABLE_SET_FACT : FactScope.SET_FACT);
    }

    /** include_vars' variables, at its precedence. */
    public ModuleResult includedVars(Map<String, Object> values) {
        return variables(values, FactScope.INCLUDED_VARS);
    }

    private ModuleResult variables(Map<String, Object> values, FactScope scope) {
        this.facts = values;
        this.factScope = scope;
        return this;
    }

    /** A host for the executor to add to the inventory; Ansible returns it as add_host. */
    public ModuleResult addHost(AddedHost host) {
        this.addedHost = host;
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("host_name", host.name());
        field.put("groups", host.groups());
        field.put("host_vars", host.vars());
        return put("add_host", field);
    }

    /** A group for the executor to put the host in; Ansible returns it as add_group and parent_groups. */
    public ModuleResult addGroup(AddedGroup group) {
        this.addedGroup = group;
        return put("add_group", group.name()).put("parent_groups", group.parents());
    }

    /** A before/after diff, shown with --diff. Header names follow Ansible's diff dicts. */
    public ModuleResult diff(String beforeHeader, Object before, String afterHeader, Object after) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("before_header", beforeHeader);
        d.put("after_header", afterHeader);
        d.put("before", before);
        d.put("after", after);
        this.diff = d;
        return this;
    }

    public boolean isChanged() {
        return changed;
    }

    public boolean isFailed() {
        return failed;
    }

    public boolean isSkipped() {
        return skipped;
    }

    public String msg() {
        return msg;
    }

    public Map<String, Object> fields() {
        return fields;
    }

    public Object field(String key) {
        return fields.get(key);
    }

    public Map<String, Object> facts() {
        return facts;
    }

    /** Where {@link #facts()} go; null when there are none. */
    public FactScope factScope() {
        return factScope;
    }

    public boolean cacheableFacts() {
        return factScope == FactScope.CACHEABLE_SET_FACT;
    }

    public AddedHost addedHost() {
        return addedHost;
    }

    public AddedGroup addedGroup() {
        return addedGroup;
    }

    public Map<String, Object> diff() {
        return diff;
    }

    /** The dictionary a task registers, with Ansible's common keys. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>(fields);
        out.put("changed", changed);
        if (failed) {
            out.put("failed", true);
        } else {
            out.putIfAbsent("failed", false);
        }
        if (skipped) {
            out.put("skipped", true);
        }
        if (msg != null) {
            out.put("msg", msg);
        }
        if (facts != null) {
            out.put("ansible_facts", facts);
            if (cacheableFacts()) {
                out.put("_ansible_facts_cacheable", true);
            }
        }
        if (diff != null) {
            out.put("diff", List.of(diff));
        }
        return out;
    }
}
