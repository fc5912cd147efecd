package cnibench.template;

import cnibench.python.AnsibleBoolean;
import cnibench.python.PyRepr;
import cnibench.python.PyTuple;
import cnibench.python.PyTypeName;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/** Filters over lists and dicts: select/map family, set operations, combine, sort and friends. */
final class CollectionFilters {
    private CollectionFilters() {
    }

    /** extract: container[key], then each of morekeys in turn, as Ansible's extract filter. */
    private static Object extract(Object key, FilterArgs a) {
        Object value = lookupKey(a.get(0, "container"), key);
        Object more = a.get(1, "morekeys");
        for (Object k : more == null ? List.of() : more instanceof List<?> l ? l : List.of(more)) {
            value = lookupKey(value, k);
        }
        return value;
    }

    private static Object lookupKey(Object container, Object key) {
        if (container instanceof Map<?, ?> m) {
            Object v = m.get(key instanceof String ? key : PyRepr.str(key));
            if (v == null && !m.containsKey(key)) {
                v = m.get(key);
            }
            return v == null ? Undefined.variable(PyRepr.str(key)) : v;
        }
        if (container instanceof List<?> l && key instanceof Number n) {
            int i = n.intValue();
            return i >= 0 && i < l.size() ? l.get(i) : Undefined.variable(PyRepr.str(key));
        }
        return Undefined.variable(PyRepr.str(key));
    }

    /** batch: lists of n items, the last one filled with fill_with when given (Jinja2's batch). */
    private static Object batch(Object value, FilterArgs a) {
        int size = ((Number) a.get(0, "linecount")).intValue();
        Object fill = a.get(1, "fill_with");
        List<Object> out = new ArrayList<>();
        List<Object> current = new ArrayList<>();
        for (Object item : list(value)) {
            current.add(item);
            if (current.size() == size) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            while (fill != null && current.size() < size) {
                current.add(fill);
            }
            out.add(current);
        }
        return out;
    }

    /** subelements: (item, sub) pairs for each element of item[attribute], as with_subelements gives. */
    private static Object subelements(Object value, FilterArgs a) {
        String attribute = a.string(0, "subelements", null);
        boolean skipMissing = a.flag(1, "skip_missing", false);
        List<Object> out = new ArrayList<>();
        for (Object item : list(value)) {
            Object sub = item instanceof Map<?, ?> m ? m.get(attribute) : null;
            if (sub == null) {
                if (skipMissing) {
                    continue;
                }
                throw new TemplateError("could not find '" + attribute + "' key in iterated item '" + PyRepr.repr(item) + "'");
            }
            for (Object element : list(sub)) {
                out.add(List.of(item, element));
            }
        }
        return out;
    }

    static void register(FilterCatalog c) {
        c.add("select", (v, a) -> selectByTest(v, a, false, true));
        c.add("reject", (v, a) -> selectByTest(v, a, false, false));
        c.add("selectattr", (v, a) -> selectByTest(v, a, true, true));
        c.add("rejectattr", (v, a) -> selectByTest(v, a, true, false));
        c.add("map", CollectionFilters::map);
        c.add("dict2items", (v, a) -> dict2items((Map<?, ?>) v, a.string(0, "key_name", "key"), a.string(1, "value_name", "value")));
        c.add("items2dict", (v, a) -> items2dict(list(v), a.string(0, "key_name", "key"), a.string(1, "value_name", "value")));
        c.add("combine", CollectionFilters::combine);
        c.add("extract", CollectionFilters::extract);
        c.add("batch", CollectionFilters::batch);
        c.add("subelements", CollectionFilters::subelements);
        c.add("flatten", (v, a) -> flatten(list(v), a.get(0, "levels") == null ? -1 : ((Number) a.get(0, "levels")).intValue(),
                a.flag(1, "skip_nulls", true)));
        c.add("unique", (v, a) -> new PySet(list(v)).toList());
        c.add("union", (v, a) -> {
            PySet all = new PySet(list(v));
            list(a.get(0, "b")).forEach(all::add);
            return all.toList();
        });
        c.add("intersect", (v, a) -> {
            PySet other = new PySet(list(a.get(0, "b")));
            return new PySet(list(v).stream().filter(other::contains).toList()).toList();
        });
        c.add("difference", (v, a) -> {
            PySet other = new PySet(list(a.get(0, "b")));
            return new PySet(list(v).stream().filter(x -> !other.contains(x)).toList()).toList();
        });
        c.add("symmetric_difference", (v, a) -> {
            List<Object> left = list(v);
            List<Object> right = list(a.get(0, "b"));
            PySet leftSet = new PySet(left);
            PySet rightSet = new PySet(right);
            PySet out = new PySet(left.stream().filter(x -> !rightSet.contains(x)).toList());
            right.stream().filter(x -> !leftSet.contains(x)).forEach(out::add);
            return out.toList();
        });
        c.add("zip", CollectionFilters::zip);
        c.add("product", CollectionFilters::product);
        c.add("min", (v, a) -> extreme(v, a, -1));
        c.add("max", (v, a) -> extreme(v, a, 1));
        c.add("sum", CollectionFilters::sum);
        c.add("sort", CollectionFilters::sort);
        c.add("dictsort", (v, a) -> {
            List<Object> items = new ArrayList<>();
            ((Map<?, ?>) v).forEach((k, x) -> items.add(new PyTuple(k, x)));
            boolean byValue = "value".equals(a.string(2, "by", "key"));
            Comparator<Object> order = Comparator.comparing(t -> ((PyTuple) t).get(byValue ? 1 : 0),
                    pythonOrder(a.flag(0, "case_sensitive", false)));
            items.sort(a.flag(3, "reverse", false) ? order.reversed() : order);
            return items;
        });
        c.add("length", (v, a) -> length(v));
        c.add("count", (v, a) -> length(v));
        c.add("first", (v, a) -> list(v).isEmpty() ? Undefined.variable("first") : list(v).get(0));
        c.add("last", (v, a) -> list(v).isEmpty() ? Undefined.variable("last") : list(v).get(list(v).size() - 1));
        c.add("list", (v, a) -> new ArrayList<>(list(v)));
        c.add("join", (v, a) -> {
            String attribute = a.string(1, "attribute", null);
            List<String> parts = new ArrayList<>();
            for (Object item : list(v)) {
                parts.add(PyRepr.str(attribute == null ? item : attribute(item, attribute)));
            }
            return String.join(a.string(0, "d", ""), parts);
        });
        c.add("split", (v, a) -> PythonMethods.split(PyRepr.str(v), a.positional()));
        c.add("trim", (v, a) -> PythonMethods.call(PyRepr.str(v), "strip", a.positional()));
        c.add("replace", (v, a) -> PythonMethods.call(PyRepr.str(v), "replace", a.positional()));
        c.add("random", (v, a) -> {
            if (v instanceof Number n) {
                return ThreadLocalRandom.current().nextLong(n.longValue());
            }
            List<Object> items = list(v);
            return items.get(ThreadLocalRandom.current().nextInt(items.size()));
        });
        c.add("shuffle", (v, a) -> {
            List<Object> items = new ArrayList<>(list(v));
            Collections.shuffle(items);
            return items;
        });
    }

    /** A value as a Python iteration would see it: list items, dict keys, string characters. */
    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        if (value instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (value instanceof Map<?, ?> m) {
            return new ArrayList<>(m.keySet());
        }
        if (value instanceof Object[] array) {
            return Arrays.asList(array);
        }
        if (value instanceof CharSequence s) {
            List<Object> chars = new ArrayList<>();
            s.toString().codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
            return chars;
        }
        throw new TemplateError("'" + PyTypeName.of(value) + "' object is not iterable");
    }

    static int length(Object value) {
        if (value instanceof CharSequence s) {
            return s.length();
        }
        if (value instanceof Map<?, ?> m) {
            return m.size();
        }
        return list(value).size();
    }

    /** Jinja's getattr for a dotted path: dict key, list index; missing gives Undefined. */
    static Object attribute(Object item, String path) {
        Object current = item;
        for (String part : path.split("\\.")) {
            if (current instanceof Map<?, ?> m && m.containsKey(part)) {
                current = m.get(part);
            } else if (current instanceof List<?> l && part.matches("\\d+") && Integer.parseInt(part) < l.size()) {
                current = l.get(Integer.parseInt(part));
            } else {
                return Undefined.attribute(current, part);
            }
        }
        return current;
    }

    private static List<Object> selectByTest(Object value, FilterArgs args, boolean byAttribute, boolean keep) {
        int first = byAttribute ? 1 : 0;
        String attribute = byAttribute ? PyRepr.str(args.get(0, "attr")) : null;
        String testName = args.size() > first ? PyRepr.str(args.positional()[first]) : null;
        Object[] testArgs = args.size() > first + 1 ? Arrays.copyOfRange(args.positional(), first + 1, args.size()) : new Object[0];
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        ExpTest test = testName == null ? null : interpreter.getContext().getExpTest(testName);
        if (testName != null && test == null) {
            throw new TemplateError("No test named '" + testName + "'.");
        }
        List<Object> out = new ArrayList<>();
        for (Object item : list(value)) {
            Object subject = attribute == null ? item : attribute(item, attribute);
            boolean passes = test == null ? Truth.of(subject) : test.evaluate(subject, interpreter, testArgs);
            if (passes == keep) {
                out.add(item);
            }
        }
        return out;
    }

    private static List<Object> map(Object value, FilterArgs args) {
        List<Object> out = new ArrayList<>();
        // as Jinja: attribute= selects attributes only when no filter is named; map('map', attribute='x') passes it on
        if (args.size() == 0 && args.named().containsKey("attribute")) {
            String attribute = PyRepr.str(args.named().get("attribute"));
            boolean hasDefault = args.named().containsKey("default");
            for (Object item : list(value)) {
                Object v = attribute(item, attribute);
                out.add(v instanceof Undefined && hasDefault ? args.named().get("default") : v);
            }
            return out;
        }
        String filterName = PyRepr.str(args.get(0, "filter"));
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        Filter filter = interpreter.getContext().getFilter(filterName);
        if (filter == null) {
            throw new TemplateError("No filter named '" + filterName + "'.");
        }
        Object[] rest = Arrays.copyOfRange(args.positional(), 1, args.size());
        Map<String, Object> named = args.named();
        for (Object item : list(value)) {
            out.add(filter.filter(item, interpreter, rest, named));
        }
        return out;
    }

    private static List<Object> dict2items(Map<?, ?> dict, String keyName, String valueName) {
        List<Object> out = new ArrayList<>();
        dict.forEach((k, v) -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put(keyName, k);
            item.put(valueName, v);
            out.add(item);
        });
        return out;
    }

    private static Map<Object, Object> items2dict(List<Object> items, String keyName, String valueName) {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object item : items) {
            Map<?, ?> m = (Map<?, ?>) item;
            if (!m.containsKey(keyName) || !m.containsKey(valueName)) {
                throw new TemplateError("items2dict requires each item to have '" + keyName + "' and '" + valueName + "' keys");
            }
            out.put(m.get(keyName), m.get(valueName));
        }
        return out;
    }

    private static Object combine(Object value, FilterArgs args) {
        List<Object> dicts = new ArrayList<>();
        dicts.add(value);
        dicts.addAll(Arrays.asList(args.positional()));
        boolean recursive = AnsibleBoolean.ofBoolFilter(args.named().getOrDefault("recursive", false));
        String listMerge = PyRepr.str(args.named().getOrDefault("list_merge", "replace"));
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object d : flatten(dicts, -1, false)) {
            merge(out, (Map<?, ?>) d, recursive, listMerge);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<Object, Object> into, Map<?, ?> from, boolean recursive, String listMerge) {
        for (Map.Entry<?, ?> e : from.entrySet()) {
            Object old = into.get(e.getKey());
            Object incoming = e.getValue();
            if (recursive && old instanceof Map<?, ?> oldMap && incoming instanceof Map<?, ?> newMap) {
                Map<Object, Object> merged = new LinkedHashMap<>(oldMap);
                merge(merged, newMap, true, listMerge);
                into.put(e.getKey(), merged);
            } else if (old instanceof List<?> oldList && incoming instanceof List<?> newList) {
                into.put(e.getKey(), mergeLists((List<Object>) oldList, (List<Object>) newList, listMerge));
            } else {
                into.put(e.getKey(), incoming);
            }
        }
    }

    private static List<Object> mergeLists(List<Object> old, List<Object> incoming, String mode) {
        List<Object> out = new ArrayList<>();
        switch (mode) {
            case "replace" -> out.addAll(incoming);
            case "keep" -> out.addAll(old);
            case "append" -> {
                out.addAll(old);
                out.addAll(incoming);
            }
            case "prepend" -> {
                out.addAll(incoming);
                out.addAll(old);
            }
            case "append_rp" -> {
                old.stream().filter(x -> !incoming.contains(x)).forEach(out::add);
                out.addAll(incoming);
            }
            case "prepend_rp" -> {
                out.addAll(incoming);
                old.stream().filter(x -> !incoming.contains(x)).forEach(out::add);
            }
            default -> throw new TemplateError("'" + mode + "' is not a valid list_merge value");
        }
        return out;
    }

    /** Ansible's flatten: levels < 0 means all levels; None/'None'/'null' dropped when skip_nulls. */
    static List<Object> flatten(List<Object> items, int levels, boolean skipNulls) {
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            if (skipNulls && (item == null || "None".equals(item) || "null".equals(item))) {
                continue;
            }
            if (item instanceof List<?> nested && levels != 0) {
                out.addAll(flatten(list(nested), levels < 0 ? -1 : levels - 1, skipNulls));
            } else {
                out.add(item);
            }
        }
        return out;
    }

    private static List<Object> zip(Object value, FilterArgs args) {
        List<List<Object>> lists = new ArrayList<>();
        lists.add(list(value));
        for (Object other : args.positional()) {
            lists.add(list(other));
        }
        int size = lists.stream().mapToInt(List::size).min().orElse(0);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int index = i;
            out.add(new PyTuple(lists.stream().map(l -> l.get(index)).toArray()));
        }
        return out;
    }

    private static List<Object> product(Object value, FilterArgs args) {
        List<List<Object>> combos = new ArrayList<>();
        combos.add(new ArrayList<>());
        List<Object> sources = new ArrayList<>();
        sources.add(value);
        sources.addAll(Arrays.asList(args.positional()));
        for (Object source : sources) {
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> combo : combos) {
                for (Object item : list(source)) {
                    List<Object> longer = new ArrayList<>(combo);
                    longer.add(item);
                    next.add(longer);
                }
            }
            combos = next;
        }
        List<Object> out = new ArrayList<>();
        combos.forEach(combo -> out.add(new PyTuple(combo.toArray())));
        return out;
    }

    private static Object extreme(Object value, FilterArgs args, int sign) {
        String attribute = args.string(-1, "attribute", null);
        Comparator<Object> order = pythonOrder(AnsibleBoolean.ofBoolFilter(args.named().getOrDefault("case_sensitive", false)));
        Object best = null;
        for (Object item : list(value)) {
            Object key = attribute == null ? item : attribute(item, attribute);
            Object bestKey = best == null ? null : attribute == null ? best : attribute(best, attribute);
            if (best == null || sign * order.compare(key, bestKey) > 0) {
                best = item;
            }
        }
        return best;
    }

    private static Object sum(Object value, FilterArgs args) {
        String attribute = args.string(0, "attribute", null);
        Object total = args.get(1, "start", 0);
        for (Object item : list(value)) {
            total = Arithmetic.add(total, attribute == null ? item : attribute(item, attribute));
        }
        return total;
    }

    private static List<Object> sort(Object value, FilterArgs args) {
        String attribute = args.string(2, "attribute", null);
        Comparator<Object> values = pythonOrder(args.flag(1, "case_sensitive", false));
        Comparator<Object> order = attribute == null ? values
                : Comparator.comparing(item -> attribute(item, attribute), values);
        List<Object> out = new ArrayList<>(list(value));
        out.sort(args.flag(0, "reverse", false) ? order.reversed() : order);
        return out;
    }

    /** Python's ordering of numbers, strings (folded unless case-sensitive), bools and lists. */
    static Comparator<Object> pythonOrder(boolean caseSensitive) {
        return new Comparator<>() {
            @Override
            public int compare(Object a, Object b) {
                Object x = Undefined.require(a);
                Object y = Undefined.require(b);
                if (x instanceof Number n && y instanceof Number m) {
                    return Double.compare(n.doubleValue(), m.doubleValue());
                }
                if (x instanceof Boolean || y instanceof Boolean) {
                    return Double.compare(asNumber(x), asNumber(y));
                }
                if (x instanceof CharSequence && y instanceof CharSequence) {
                    String s = x.toString();
                    String t = y.toString();
                    return caseSensitive ? s.compareTo(t) : s.toLowerCase().compareTo(t.toLowerCase());
                }
                if (x instanceof List<?> l && y instanceof List<?> r) {
                    for (int i = 0; i < Math.min(l.size(), r.size()); i++) {
                        int c = compare(l.get(i), r.get(i));
                        if (c != 0) {
                            return c;
                        }
                    }
                    return Integer.compare(l.size(), r.size());
                }
                throw new TemplateError("'<' not supported between instances of '" + PyTypeName.of(x)
                        + "' and '" + PyTypeName.of(y) + "'");
            }
        };
    }

    private static double asNumber(Object o) {
        if (o instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        throw new TemplateError("'<' not supported between instances of '" + PyTypeName.of(o) + "' and a number");
    }

    static boolean contains(Object container, Object item) {
        if (container instanceof CharSequence s) {
            return s.toString().contains(PyRepr.str(item));
        }
        if (container instanceof Map<?, ?> m) {
            return m.containsKey(item);
        }
        for (Object x : list(container)) {
            if (Objects.equals(x, item) || (x instanceof Number a && item instanceof Number b && a.doubleValue() == b.doubleValue())) {
                return true;
            }
        }
        return false;
    }
}
