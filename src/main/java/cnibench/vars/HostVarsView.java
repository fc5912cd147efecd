package cnibench.vars;

import cnibench.inventory.Host;
import cnibench.inventory.Inventory;
import cnibench.template.LazyVariables;
import cnibench.template.Templar;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * `hostvars`: every host's variables, computed only when a template asks for a host, and each
 * value templated with that host's own variables when it is read.
 */
final class HostVarsView extends AbstractMap<String, Object> implements LazyVariables {
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

    /** Entries made one at a time as they are read; nothing is hashed, since each entry holds this view again. */
    @Override
    public Set<Entry<String, Object>> entrySet() {
        List<Host> hosts = List.copyOf(inventory.hosts().values());
        return new LazyEntries<>(hosts, h -> new SimpleImmutableEntry<>(h.name(), get(h.name())));
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "hostvars" + inventory.hosts().keySet();
    }

    /** One host's variables, each templated in that host's context when read. */
    private static final class HostEntry extends AbstractMap<String, Object> implements LazyVariables {
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
        public Set<Entry<String, Object>> entrySet() {
            return new LazyEntries<>(List.copyOf(raw.keySet()), k -> new SimpleImmutableEntry<>(k, get(k)));
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return "hostvars entry " + raw.get("inventory_hostname");
        }
    }

    /** A set of entries built from keys as it is iterated. */
    private static final class LazyEntries<K> extends AbstractSet<Entry<String, Object>> {
        private final List<K> keys;
        private final Function<K, Entry<String, Object>> entry;

        LazyEntries(List<K> keys, Function<K, Entry<String, Object>> entry) {
            this.keys = keys;
            this.entry = entry;
        }

        @Override
        public Iterator<Entry<String, Object>> iterator() {
            Iterator<K> it = keys.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Entry<String, Object> next() {
                    return entry.apply(it.next());
                }
            };
        }

        @Override
        public int size() {
            return keys.size();
        }
    }
}
