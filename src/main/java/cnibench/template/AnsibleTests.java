package cnibench.template;

import cnibench.python.PyRegex;
import cnibench.python.PyRepr;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.objects.collections.PyList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/** Jinja's and Ansible's tests (`x is defined`, `result is failed`, `v is version('2.0', '>=')`, ...). */
final class AnsibleTests {
    private AnsibleTests() {
    }

    /** One named test over the value and its arguments. */
    private record NamedTest(String name, BiPredicate<Object, Object[]> body, boolean acceptsUndefined) implements ExpTest {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
            if (!acceptsUndefined) {
                Undefined.require(var);
            }
            return body.test(var, spreadTuple(args));
        }
    }

    /**
     * Jinjava passes a test's arguments as one value: `is version('1.2', '>=')` arrives as a
     * tuple (a plain PyList), which stands for several arguments.
     */
    private static Object[] spreadTuple(Object[] args) {
        if (args == null) {
            return new Object[0];
        }
        if (args.length == 1 && args[0] != null && args[0].getClass() == PyList.class) {
            return ((PyList) args[0]).toArray();
        }
        return args;
    }

    static void registerAll(Context context) {
        Registrar r = new Registrar(context);
        r.undefinedOk("defined", (v, a) -> !(v instanceof Undefined));
        r.undefinedOk("undefined", (v, a) -> v instanceof Undefined);
        r.undefinedOk("none", (v, a) -> v == null);
        r.add("truthy", (v, a) -> Truth.of(v));
        r.add("all", (v, a) -> CollectionFilters.list(v).stream().allMatch(Truth::of));
        r.add("any", (v, a) -> CollectionFilters.list(v).stream().anyMatch(Truth::of));
        r.add("falsy", (v, a) -> !Truth.of(v));
        r.add("match", (v, a) -> regex(v, a).matcher(PyRepr.str(v)).lookingAt());
        r.add("search", (v, a) -> regex(v, a).matcher(PyRepr.str(v)).find());
        r.add("regex", (v, a) -> {
            String type = a.length > 3 ? PyRepr.str(a[3]) : "search";
            var m = regex(v, a).matcher(PyRepr.str(v));
            return type.equals("match") ? m.lookingAt() : type.equals("fullmatch") ? m.matches() : m.find();
        });
        BiPredicate<Object, Object[]> version = (v, a) -> Versions.compare(PyRepr.str(v), PyRepr.str(a[0]),
                a.length > 1 ? PyRepr.str(a[1]) : "eq");
        r.add("version", version);
        r.add("version_compare", version);
        BiPredicate<Object, Object[]> failed = (v, a) -> Truth.of(flag(result(v, "failed"), "failed"));
        r.add("failed", failed);
        r.add("failure", failed);
        r.add("succeeded", failed.negate());
        r.add("success", failed.negate());
        r.add("successful", failed.negate());
        BiPredicate<Object, Object[]> unreachable = (v, a) -> Truth.of(flag(result(v, "unreachable"), "unreachable"));
        r.add("unreachable", unreachable);
        r.add("reachable", unreachable.negate());
        BiPredicate<Object, Object[]> changed = (v, a) -> changed(result(v, "changed"));
        r.add("changed", changed);
        r.add("change", changed);
        BiPredicate<Object, Object[]> skipped = (v, a) -> Truth.of(flag(result(v, "skipped"), "skipped"));
        r.add("skipped", skipped);
        r.add("skip", skipped);
        r.add("subset", (v, a) -> CollectionFilters.list(a[0]).containsAll(CollectionFilters.list(v)));
        r.add("superset", (v, a) -> CollectionFilters.list(v).containsAll(CollectionFilters.list(a[0])));
        r.add("contains", (v, a) -> CollectionFilters.contains(v, a[0]));
        r.add("in", (v, a) -> CollectionFilters.contains(a[0], v));
        r.add("file", (v, a) -> Files.isRegularFile(Path.of(PyRepr.str(v))));
        r.add("directory", (v, a) -> Files.isDirectory(Path.of(PyRepr.str(v))));
        r.add("exists", (v, a) -> Files.exists(Path.of(PathFilters.expanduser(PyRepr.str(v)))));
        r.add("link", (v, a) -> Files.isSymbolicLink(Path.of(PyRepr.str(v))));
        r.add("abs", (v, a) -> Path.of(PyRepr.str(v)).isAbsolute());
        r.add("number", (v, a) -> v instanceof Number);
        r.add("integer", (v, a) -> v instanceof Number && !(v instanceof Double || v instanceof Float));
        r.add("float", (v, a) -> v instanceof Double || v instanceof Float);
        r.add("string", (v, a) -> v instanceof CharSequence);
        r.add("mapping", (v, a) -> v instanceof Map);
        r.add("iterable", (v, a) -> v instanceof Collection || v instanceof Map || v instanceof CharSequence);
        r.add("sequence", (v, a) -> v instanceof Collection || v instanceof Map || v instanceof CharSequence);
        r.add("boolean", (v, a) -> v instanceof Boolean);
        r.add("even", (v, a) -> ((Number) v).longValue() % 2 == 0);
        r.add("odd", (v, a) -> ((Number) v).longValue() % 2 != 0);
        r.add("divisibleby", (v, a) -> ((Number) v).longValue() % ((Number) a[0]).longValue() == 0);
        for (String name : List.of("equalto", "eq", "==")) {
            r.add(name, (v, a) -> Compare.equal(v, a[0]));
        }
        for (String name : List.of("ne", "!=")) {
            r.add(name, (v, a) -> !Compare.equal(v, a[0]));
        }
        r.add("lt", (v, a) -> Compare.order(v, a[0]) < 0);
        r.add("<", (v, a) -> Compare.order(v, a[0]) < 0);
        r.add("le", (v, a) -> Compare.order(v, a[0]) <= 0);
        r.add("<=", (v, a) -> Compare.order(v, a[0]) <= 0);
        r.add("gt", (v, a) -> Compare.order(v, a[0]) > 0);
        r.add(">", (v, a) -> Compare.order(v, a[0]) > 0);
        r.add("ge", (v, a) -> Compare.order(v, a[0]) >= 0);
        r.add(">=", (v, a) -> Compare.order(v, a[0]) >= 0);
    }

    private record Registrar(Context context) {
        void add(String name, BiPredicate<Object, Object[]> body) {
            context.registerExpTest(new NamedTest(name, body, false));
        }

        void undefinedOk(String name, BiPredicate<Object, Object[]> body) {
            context.registerExpTest(new NamedTest(name, body, true));
        }
    }

    private static Pattern regex(Object value, Object[] args) {
        int flags = 0;
        if (args.length > 1 && Truth.of(args[1])) {
            flags |= Pattern.CASE_INSENSITIVE;
        }
        if (args.length > 2 && Truth.of(args[2])) {
            flags |= Pattern.MULTILINE;
        }
        for (Object arg : args) {
            if (arg instanceof com.hubspot.jinjava.el.ext.NamedParameter p) {
                if (p.getName().equals("ignorecase") && Truth.of(p.getValue())) {
                    flags |= Pattern.CASE_INSENSITIVE;
                }
                if (p.getName().equals("multiline") && Truth.of(p.getValue())) {
                    flags |= Pattern.MULTILINE;
                }
            }
        }
        return PyRegex.compile(PyRepr.str(args[0]), flags);
    }

    private static Map<?, ?> result(Object value, String test) {
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        throw new TemplateError("The '" + test + "' test expects a dictionary");
    }

    private static boolean flag(Map<?, ?> result, String key) {
        return result.containsKey(key) && Truth.of(result.get(key));
    }

    private static boolean changed(Map<?, ?> result) {
        if (result.containsKey("changed")) {
            return Truth.of(result.get("changed"));
        }
        if (result.get("results") instanceof List<?> results) {
            return results.stream().anyMatch(r -> r instanceof Map<?, ?> m && flag(m, "changed"));
        }
        return false;
    }
}
