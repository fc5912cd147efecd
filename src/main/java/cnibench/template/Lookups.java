package cnibench.template;

import cnibench.python.AnsibleBoolean;
import cnibench.python.PyRepr;
import com.hubspot.jinjava.el.ext.NamedParameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The lookup(), query() and q() functions and the registry of lookup plugins. */
public final class Lookups {
    private static final Map<String, Lookup> PLUGINS = new LinkedHashMap<>();

    static {
        PLUGINS.put("env", ValueLookups::env);
        PLUGINS.put("vars", ValueLookups::vars);
        PLUGINS.put("varnames", ValueLookups::varnames);
        PLUGINS.put("items", ValueLookups::items);
        PLUGINS.put("dict", ValueLookups::dict);
        PLUGINS.put("sequence", ValueLookups::sequence);
        PLUGINS.put("file", FileLookups::file);
        PLUGINS.put("template", FileLookups::template);
        PLUGINS.put("first_found", FileLookups::firstFound);
        PLUGINS.put("fileglob", FileLookups::fileglob);
        PLUGINS.put("pipe", CommandLookups::pipe);
        PLUGINS.put("lines", CommandLookups::lines);
        for (String name : List.copyOf(PLUGINS.keySet())) {
            PLUGINS.put("ansible.builtin." + name, PLUGINS.get(name));
        }
        PLUGINS.put("community.general.flattened", ValueLookups::flattened);
        PLUGINS.put("flattened", ValueLookups::flattened);
    }

    private Lookups() {
    }

    /** lookup('name', terms..., wantlist=False, errors='strict', key=value...): Ansible's joining rules. */
    public static Object lookup(String name, Object... args) {
        Call call = Call.of(args);
        boolean wantlist = AnsibleBoolean.ofBoolFilter(call.options.getOrDefault("wantlist", false));
        List<Object> values = run(name, call, new LookupContext(RenderSession.current()));
        if (values == null) {
            return wantlist ? List.of() : null;
        }
        if (wantlist || values.isEmpty()) {
            return values;
        }
        if (values.stream().allMatch(v -> v instanceof String)) {
            return String.join(",", values.stream().map(String.class::cast).toList());
        }
        return values.size() == 1 ? values.get(0) : values;
    }

    /** query('name', terms...) and q(): always a list. */
    public static Object query(String name, Object... args) {
        List<Object> values = run(name, Call.of(args), new LookupContext(RenderSession.current()));
        return values == null ? List.of() : values;
    }

    /**
     * Runs a lookup plugin outside a template, as with_&lt;name&gt; loops do: like query(name, terms...,
     * key=value...) rendered with these variables; always a list.
     */
    public static List<Object> query(String name, List<Object> terms, Map<String, Object> kwargs, Map<String, Object> vars) {
        RenderSession session = new RenderSession(new Templar(), vars);
        List<Object> values = run(name, new Call(new ArrayList<>(terms), new LinkedHashMap<>(kwargs)), new LookupContext(session));
        return values == null ? List.of() : values;
    }

    /** Runs the plugin; null when it failed and errors='ignore' or 'warn' asked to carry on. */
    private static List<Object> run(String name, Call call, LookupContext context) {
        Lookup plugin = PLUGINS.get(name);
        if (plugin == null) {
            throw new TemplateError("lookup plugin (" + name + ") not found");
        }
        for (Object term : call.terms) {
            Undefined.require(term);
        }
        String errors = PyRepr.str(call.options.getOrDefault("errors", "strict"));
        Map<String, Object> options = new LinkedHashMap<>(call.options);
        options.keySet().removeAll(List.of("wantlist", "errors"));
        try {
            return plugin.run(call.terms, options, context);
        } catch (UndefinedVariableError e) {
            throw e;
        } catch (TemplateError e) {
            if (errors.equals("ignore") || errors.equals("warn")) {
                return null;
            }
            throw e;
        }
    }

    /** Positional terms and keyword options of one call. */
    private record Call(List<Object> terms, Map<String, Object> options) {
        static Call of(Object[] args) {
            List<Object> terms = new ArrayList<>();
            Map<String, Object> options = new LinkedHashMap<>();
            for (Object arg : args == null ? new Object[0] : args) {
                if (arg instanceof NamedParameter p) {
                    options.put(p.getName(), p.getValue());
                } else {
                    terms.add(arg);
                }
            }
            return new Call(terms, options);
        }
    }
}
