package cnibench.vars;

import cnibench.inventory.Host;
import cnibench.inventory.Inventory;
import cnibench.template.Templar;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * `hostvars`: every host's variables, computed only when a template asks for a host, and each
 * value templated with that host's own variables when it is read.
 */
final class HostVarsView extends LazyMap {
    private final Inventory inventory;
    private final Function<Host, Map<String, Object>> varsOf;
    private final Templar templar;

    HostVarsView(Inventory inventory, Function<Host, Map<String, Object>> varsOf, Templar templar) {
        this.inventory = inventory;
        this.varsOf = varsOf;
        this.templar = templar;
    }

    @Override
    public Object get(Object key) {
        Host h = inventory.host(String.valueOf(key));
        return h == null ? null : new HostEntry(varsOf.apply(h), templar);
    }

    @Override
    public boolean containsKey(Object key) {
        return inventory.host(String.valueOf(key)) != null;
    }

    @Override
    List<String> keys() {
        return List.copyOf(inventory.hosts().keySet());
    }

    @Override
    public String toString() {
        return "hostvars" + inventory.hosts().keySet();
    }

    /** One host's variables, each templated in that host's context when read. */
    private static final class HostEntry extends LazyMap {
        private final Map<String, Object> raw;
        private final Templar templar;

        HostEntry(Map<String, Object> raw, Templar templar) {
            this.raw = raw;
            this.templar = templar;
        }

        @Override
        public Object get(Object key) {
            Object v = raw.get(String.valueOf(key));
            return v == null ? null : templar.template(v, raw);
        }

        @Override
        public boolean containsKey(Object key) {
            return raw.containsKey(String.valueOf(key));
        }

        @Override
        List<String> keys() {
            return List.copyOf(raw.keySet());
        }

        @Override
        public String toString() {
            return "hostvars entry " + raw.get("inventory_hostname");
        }
    }
}
