package cnibench.vars;

import cnibench.template.LazyVariables;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A map whose values are made when read. Entries are built one at a time as they are iterated, and equality is
 * identity: hashing would read (and template) every value, and a host's entry holds hostvars again.
 */
abstract class LazyMap extends AbstractMap<String, Object> implements LazyVariables {

    abstract List<String> keys();

    @Override
    public Set<Entry<String, Object>> entrySet() {
        List<String> keys = keys();
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                Iterator<String> it = keys.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Entry<String, Object> next() {
                        String key = it.next();
                        return new SimpleImmutableEntry<>(key, get(key));
                    }
                };
            }

            @Override
            public int size() {
                return keys.size();
            }
        };
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
