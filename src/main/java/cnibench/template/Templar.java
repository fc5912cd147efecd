package cnibench.template;

import cnibench.python.PyRepr;
import cnibench.python.PyTuple;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place templates are rendered, with Ansible 2.14's semantics: lazy variables, undefined
 * variables raise, a lone {{ var }} of a number/bool keeps its type, and a result that looks like
 * a list, dict or bool is turned back into one (Ansible's literal_eval of the rendered text).
 */
public final class Templar {
    /** The value of {@code omit}; arguments equal to it are dropped by the executor. */
    public static final String OMIT = "__omit_place_holder__cnibench";

    /** Ansible's SINGLE_VAR: a template that only names one variable. */
    private static final Pattern SINGLE_VAR = Pattern.compile("^\\{\\{\\s*(\\w*)\\s*}}$");

    private final JinjaEngine engine = JinjaEngine.shared();

    /**
     * Sets Jinjava up and runs one template through parsing, syntax check and rendering, on a thread of its own:
     * started first thing, it does in parallel what the first task of a run would otherwise wait tens of
     * milliseconds for (classes initialized, the expression parser's tables built, call sites linked).
     */
    public static void prepareInBackground() {
        Thread prepare = new Thread(() -> {
            Templar templar = new Templar();
            templar.checkSyntax("{{ x | default(1) | int + 1 }}");
            templar.template("{{ x | default(1) | int + 1 }}", Map.of("x", 1));
            templar.evaluateCondition("x is defined and x > 0", Map.of("x", 1));
        }, "templar-prepare");
        prepare.setDaemon(true);
        prepare.start();
    }

    /** True when a value is a string holding {{ }}, {% %} or {# #}. */
    public static boolean isTemplate(Object value) {
        return value instanceof String s && (s.contains("{{") || s.contains("{%") || s.contains("{#"));
    }

    /** Templates strings, recursing into lists and maps (keys too). */
    public Object template(Object value, Map<String, Object> vars) {
        return template(value, new RenderSession(this, vars));
    }

    /**
     * Marks data as never to be templated, as Ansible does with registered results and command
     * output: returns a copy whose maps and lists template() and lazy variables leave untouched.
     */
    public static Object unsafe(Object value) {
        return UnsafeValues.wrap(value);
    }

    Object template(Object value, RenderSession session) {
        if (value instanceof UnsafeValues.Unsafe) {
            return value;
        }
        if (value instanceof String s) {
            return templateString(s, session);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(template(item, session));
            }
            return out;
        }
        if (value instanceof Map<?, ?> map && !(value instanceof LazyVariables)) {
            Map<Object, Object> out = new LinkedHashMap<>(Math.max(4, map.size() * 2));
            map.forEach((k, v) -> out.put(template(k, session), template(v, session)));
            return out;
        }
        return value;
    }

    private Object templateString(String text, RenderSession session) {
        if (!isTemplate(text)) {
            return text;
        }
        Matcher single = SINGLE_VAR.matcher(text);
        if (single.matches() && session.has(single.group(1))) {
            Object raw = session.rawVars().get(single.group(1));
            if (raw == null || raw instanceof Boolean || raw instanceof Number) {
                return raw;
            }
        }
        JinjaEngine.ParsedTemplate parsed = engine.parse(text);
        String out;
        if (parsed.expression() != null) {
            Object value = engine.evaluate(parsed.expression(), text, session);
            if (value == null) {
                return "";
            }
            if (PyTuple.isTuple(value)) {
                return PyRepr.str(value);
            }
            if (value instanceof Map || value instanceof Collection || value instanceof Boolean) {
                return NativeValues.toPlain(value);
            }
            out = PyRepr.str(Undefined.require(value));
            if (session.isKeptAsText(value)) {
                return out;
            }
        } else {
            out = preserveTrailingNewlines(text, engine.render(parsed, session));
        }
        return looksLikeData(out) ? PythonLiteral.parseOr(out, out) : out;
    }

    /** Ansible converts text that reads as a list, dict or bool back to data. */
    private static boolean looksLikeData(String out) {
        return out.startsWith("{") || out.startsWith("[") || out.equals("True") || out.equals("False");
    }

    /** Ansible keeps the trailing newlines of the template that Jinja drops. */
    private static String preserveTrailingNewlines(String template, String out) {
        int missing = trailingNewlines(template) - trailingNewlines(out);
        return missing > 0 ? out + "\n".repeat(missing) : out;
    }

    private static int trailingNewlines(String s) {
        int n = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\n'; i--) {
            n++;
        }
        return n;
    }

    /**
     * A `when`/`failed_when`/`changed_when`/`until`/assert condition: a bare expression, a boolean,
     * or a template (templated first, as Ansible does, then evaluated); a list holds when all hold.
     */
    public boolean evaluateCondition(Object condition, Map<String, Object> vars) {
        if (condition instanceof Boolean b) {
            return b;
        }
        if (condition instanceof List<?> all) {
            for (Object each : all) {
                if (!evaluateCondition(each, vars)) {
                    return false;
                }
            }
            return true;
        }
        RenderSession session = new RenderSession(this, vars);
        Object templated = template(condition, session);
        if (!(templated instanceof String expression)) {
            return Truth.of(templated);
        }
        if (expression.isBlank()) {
            return false;
        }
        String source = String.valueOf(condition);
        // as Ansible's {% if %} wrapper: string literals in a condition decode their escapes
        JinjaEngine.ParsedTemplate parsed = engine.parseFile("{{ " + expression + " }}");
        if (parsed.expression() == null) {
            throw new TemplateError("unable to evaluate conditional: " + source);
        }
        return Truth.of(engine.evaluate(parsed.expression(), source, session));
    }

    /** Renders a whole template file (template module, template lookup); keeps its trailing newlines. */
    public String renderFile(Path file, Map<String, Object> vars) {
        return renderText(readFile(file), new RenderSession(this, vars, file));
    }

    String renderText(String text, RenderSession session) {
        if (!isTemplate(text)) {
            return text;
        }
        return preserveTrailingNewlines(text, engine.renderFile(engine.parseFile(text), session));
    }

    static String readFile(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new TemplateError("Could not read template '" + file + "': " + e.getMessage(), e);
        }
    }

    /** Throws a TemplateError naming the problem when the text is not valid Jinja. */
    public void checkSyntax(String text) {
        if (isTemplate(text)) {
            engine.parse(text);
        }
    }
}
