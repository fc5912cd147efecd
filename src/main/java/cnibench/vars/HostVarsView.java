package cnibench.vars;

import cnibench.inventory.Host;
import cnibench.inventory.Inventory;
import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** `hostvars`: every host's variables, computed only when a template asks for a host. */
final class HostVarsView extends AbstractMap<String, Object> {
    private final Inventory inventory;
    private final Function<Host, Map<String, Object>> varsOf;

    HostVarsView(Inventory inventory, Function<Host, Map<String, Object>> varsOf) {
        this.inventory = inventory;
        this.varsOf = varsOf;
    }

    @Override
    public Object get(Object key) {
        Host h = inventory.host(String.valueOf(key));
        return h == null ? null : varsOf.apply(h);
    }

    @Override
    public boolean containsKey(Object key) {
        return inventory.host(String.valueOf(key)) != null;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Set<Entry<String, Object>> out = new LinkedHashSet<>();
        for (Host h : inventory.hosts().values()) {
            out.add(new SimpleImmutableEntry<>(h.name(), varsOf.apply(h)));
        }
        return out;
    }

    @Override
    public String toString() {
        return "hostvars" + inventory.hosts().keySet();
    }
}
