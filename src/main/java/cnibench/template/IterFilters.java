package cnibench.template;

import cnibench.python.PyTuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Python itertools-style filters (zip_longest, permutations, combinations) and Jinja's groupby. */
final class IterFilters {
    private IterFilters() {
    }

    static void register(FilterCatalog c) {
        c.add("zip_longest", IterFilters::zipLongest);
        c.add("permutations", (v, a) -> {
            List<Object> items = CollectionFilters.list(v);
            Object r = a.get(0, "r");
            return permutations(items, r == null ? items.size() : ((Number) r).intValue());
        });
        c.add("combinations", (v, a) -> combinations(CollectionFilters.list(v), ((Number) a.get(0, "r")).intValue()));
        c.add("groupby", (v, a) -> groupby(CollectionFilters.list(v), a.string(0, "attribute", null), a.get(1, "default")));
    }

    private static Object zipLongest(Object value, FilterArgs args) {
        List<List<Object>> lists = new ArrayList<>();
        lists.add(CollectionFilters.list(value));
        for (Object other : args.positional()) {
            lists.add(CollectionFilters.list(other));
        }
        Object fill = args.get(-1, "fillvalue");
        int longest = lists.stream().mapToInt(List::size).max().orElse(0);
        List<Object> out = new ArrayList<>(longest);
        for (int i = 0; i < longest; i++) {
            Object[] row = new Object[lists.size()];
            for (int j = 0; j < row.length; j++) {
                row[j] = i < lists.get(j).size() ? lists.get(j).get(i) : fill;
            }
            out.add(new PyTuple(row));
        }
        return out;
    }

    private static List<Object> permutations(List<Object> items, int r) {
        List<Object> out = new ArrayList<>();
        permute(items, r, new ArrayList<>(), new boolean[items.size()], out);
        return out;
    }

    private static void permute(List<Object> items, int r, List<Object> prefix, boolean[] used, List<Object> out) {
        if (prefix.size() == r) {
            out.add(new PyTuple(prefix.toArray()));
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (!used[i]) {
                used[i] = true;
                prefix.add(items.get(i));
                permute(items, r, prefix, used, out);
                prefix.remove(prefix.size() - 1);
                used[i] = false;
            }
        }
    }

    private static List<Object> combinations(List<Object> items, int r) {
        List<Object> out = new ArrayList<>();
        combine(items, r, 0, new ArrayList<>(), out);
        return out;
    }

    private static void combine(List<Object> items, int r, int from, List<Object> prefix, List<Object> out) {
        if (prefix.size() == r) {
            out.add(new PyTuple(prefix.toArray()));
            return;
        }
        for (int i = from; i < items.size(); i++) {
            prefix.add(items.get(i));
            combine(items, r, i + 1, prefix, out);
            prefix.remove(prefix.size() - 1);
        }
    }

    /** Jinja's groupby: (grouper, list) tuples sorted by grouper; `.grouper` and `.list` work too. */
    private static List<Object> groupby(List<Object> items, String attribute, Object fallback) {
        Map<Object, List<Object>> groups = new LinkedHashMap<>();
        for (Object item : items) {
            Object key = CollectionFilters.attribute(item, attribute);
            if (key instanceof Undefined) {
                key = Undefined.require(fallback == null ? key : fallback);
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
        }
        List<Object> keys = new ArrayList<>(groups.keySet());
        keys.sort(CollectionFilters.pythonOrder(false));
        List<Object> out = new ArrayList<>(keys.size());
        for (Object key : keys) {
            out.add(new Group(key, groups.get(key)));
        }
        return out;
    }

    /** Jinja's _GroupTuple: a (grouper, list) tuple with those two attributes. */
    static final class Group extends PyTuple {
        private static final long serialVersionUID = 1L;

        Group(Object grouper, List<Object> members) {
            super(grouper, members);
        }
    }
}
