package cnibench.template;

import cnibench.python.PyRegex;
import cnibench.python.PyRepr;
import cnibench.python.PyTypeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lookups computing values: env, vars, varnames, items, flattened, dict, sequence. */
final class ValueLookups {
    private static final Pattern SHORTCUT = Pattern.compile("^(0[xo]?[0-9a-f]+|\\d+)?-?(0[xo]?[0-9a-f]+|\\d+)(/(\\d+))?(:(.+))?$");

    private ValueLookups() {
    }

    static List<Object> env(List<Object> terms, Map<String, Object> options, LookupContext context) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            String value = System.getenv(PyRepr.str(term));
            out.add(value != null ? value : options.getOrDefault("default", ""));
        }
        return out;
    }

    static List<Object> vars(List<Object> terms, Map<String, Object> options, LookupContext context) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            String name = PyRepr.str(term);
            Object value = context.session().apply(name);
            if (value instanceof Undefined) {
                if (!options.containsKey("default")) {
                    throw new TemplateError("No variable found with this name: " + name);
                }
                value = options.get("default");
            }
            out.add(value);
        }
        return out;
    }

    /** The names of the variables that each regular expression finds (re.search), in order, each once. */
    static List<Object> varnames(List<Object> terms, Map<String, Object> options, LookupContext context) {
        java.util.Set<Object> out = new java.util.LinkedHashSet<>();
        for (Object term : terms) {
            if (!(term instanceof String regex)) {
                throw new TemplateError("Invalid setting identifier, \"" + PyRepr.str(term) + "\" is not a string, it is a "
                        + PyTypeName.of(term));
            }
            Pattern pattern = PyRegex.compile(regex, 0);
            for (String name : context.session().rawVars().keySet()) {
                if (pattern.matcher(name).find()) {
                    out.add(name);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** community.general.flattened: the terms flattened at every depth. */
    static List<Object> flattened(List<Object> terms, Map<String, Object> options, LookupContext context) {
        return CollectionFilters.flatten(terms, -1, false);
    }

    static List<Object> items(List<Object> terms, Map<String, Object> options, LookupContext context) {
        return CollectionFilters.flatten(terms, 1, false);
    }

    static List<Object> dict(List<Object> terms, Map<String, Object> options, LookupContext context) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            if (!(term instanceof Map<?, ?> map)) {
                throw new TemplateError("with_dict expects a dict");
            }
            map.forEach((k, v) -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("key", k);
                item.put("value", v);
                out.add(item);
            });
        }
        return out;
    }

    /** sequence: "start=1 end=3 stride=1 format=h%02d", "count=3", or the "1-3/1:fmt" shortcut. */
    static List<Object> sequence(List<Object> terms, Map<String, Object> options, LookupContext context) {
        List<Object> out = new ArrayList<>();
        List<Object> all = terms.isEmpty() ? List.of("") : terms;
        for (Object term : all) {
            Map<String, String> p = new LinkedHashMap<>(Map.of("start", "1", "stride", "1", "format", "%d"));
            options.forEach((k, v) -> p.put(k, PyRepr.str(v)));
            String text = PyRepr.str(term).strip();
            Matcher shortcut = SHORTCUT.matcher(text);
            if (!text.isEmpty() && !text.contains("=") && shortcut.matches()) {
                if (shortcut.group(1) != null) {
                    p.put("start", shortcut.group(1));
                }
                p.put("end", shortcut.group(2));
                if (shortcut.group(4) != null) {
                    p.put("stride", shortcut.group(4));
                }
                if (shortcut.group(6) != null) {
                    p.put("format", shortcut.group(6));
                }
            } else if (!text.isEmpty()) {
                for (String pair : text.split("\\s+")) {
                    int eq = pair.indexOf('=');
                    if (eq < 0) {
                        throw new TemplateError("can't parse arg " + pair + " in sequence lookup");
                    }
                    p.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            long start = parseNumber(p.get("start"));
            long stride = parseNumber(p.get("stride"));
            long end;
            if (p.containsKey("count")) {
                end = start + (parseNumber(p.get("count")) - 1) * stride;
            } else if (p.containsKey("end")) {
                end = parseNumber(p.get("end"));
            } else {
                throw new TemplateError("must specify count or end in with_sequence");
            }
            if (stride == 0 || (stride > 0 && end < start) || (stride < 0 && end > start)) {
                throw new TemplateError("to count backwards make stride negative");
            }
            for (long i = start; stride > 0 ? i <= end : i >= end; i += stride) {
                out.add(pyPercent(p.get("format"), i));
            }
        }
        return out;
    }

    private static long parseNumber(String s) {
        String t = s.toLowerCase();
        if (t.startsWith("0x")) {
            return Long.parseLong(t.substring(2), 16);
        }
        if (t.startsWith("0o")) {
            return Long.parseLong(t.substring(2), 8);
        }
        return Long.parseLong(t);
    }

    /** Python's "fmt % n" for the integer directives sequence formats use. */
    static String pyPercent(String format, long n) {
        return String.format(format.replaceAll("%([-0-9]*)i", "%$1d").replaceAll("%([-0-9]*)s", "%$1s"), n);
    }
}
