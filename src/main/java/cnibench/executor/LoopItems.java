package cnibench.executor;

import cnibench.template.Lookups;
import cnibench.template.Templar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns `loop:` and the `with_<lookup>:` forms into the list of items to run a task for. */
final class LoopItems {
    private LoopItems() {
    }

    /** The items, or null when the task has no loop. */
    static List<Object> of(Map<String, Object> keywords, Templar templar, Map<String, Object> vars) {
        if (keywords.containsKey("loop")) {
            Object items = templar.template(keywords.get("loop"), vars);
            if (!(items instanceof List<?> list)) {
                throw new TaskFailure("Invalid data passed to 'loop', it requires a list, got this instead: " + items
                        + ". Hint: If you passed a list/dict of just one element, try adding wantlist=True to your"
                        + " lookup invocation or use q/query instead of lookup.");
            }
            return new ArrayList<>(list);
        }
        for (Map.Entry<String, Object> e : keywords.entrySet()) {
            if (e.getKey().startsWith("with_")) {
                return withLookup(e.getKey().substring(5), templar.template(e.getValue(), vars), templar, vars);
            }
        }
        return null;
    }

    private static List<Object> withLookup(String lookup, Object terms, Templar templar, Map<String, Object> vars) {
        switch (lookup) {
            case "items":
                List<Object> flat = new ArrayList<>();
                for (Object t : asList(terms)) {
                    if (t instanceof List<?> l) {
                        flat.addAll(l);
                    } else {
                        flat.add(t);
                    }
                }
                return flat;
            case "list":
                return asList(terms);
            case "dict":
                if (!(terms instanceof Map<?, ?> m)) {
                    throw new TaskFailure("with_dict expects a dict");
                }
                List<Object> pairs = new ArrayList<>();
                m.forEach((k, v) -> {
                    Map<String, Object> pair = new LinkedHashMap<>();
                    pair.put("key", k);
                    pair.put("value", v);
                    pairs.add(pair);
                });
                return pairs;
            case "indexed_items":
                List<Object> indexed = new ArrayList<>();
                List<Object> items = asList(terms);
                for (int i = 0; i < items.size(); i++) {
                    indexed.add(List.of(i, items.get(i)));
                }
                return indexed;
            case "together":
                return together(asList(terms));
            case "nested":
            case "cartesian":
                return nested(asList(terms));
            default:
                // with_X is lookup X over the terms (with_sequence, with_fileglob, with_lines, ...)
                return Lookups.query(lookup, asList(terms), Map.of(), vars);
        }
    }

    private static List<Object> together(List<Object> lists) {
        int max = lists.stream().mapToInt(l -> asList(l).size()).max().orElse(0);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            List<Object> row = new ArrayList<>();
            for (Object l : lists) {
                List<Object> items = asList(l);
                row.add(i < items.size() ? items.get(i) : null);
            }
            out.add(row);
        }
        return out;
    }

    private static List<Object> nested(List<Object> lists) {
        List<Object> out = new ArrayList<>();
        out.add(new ArrayList<>());
        for (Object l : lists) {
            List<Object> next = new ArrayList<>();
            for (Object prefix : out) {
                for (Object item : asList(l)) {
                    List<Object> row = new ArrayList<>((List<?>) prefix);
                    row.add(item);
                    next.add(row);
                }
            }
            out = next;
        }
        return out;
    }

    private static List<Object> asList(Object v) {
        if (v == null) {
            return new ArrayList<>();
        }
        return v instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>(List.of(v));
    }
}
