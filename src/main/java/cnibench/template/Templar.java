package cnibench.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place templates are rendered (Jinjava underneath). PROVISIONAL minimal version: the
 * template package owner replaces the body; the public API stays.
 */
public final class Templar {
    /** The value of {@code omit}; arguments equal to it are dropped by the executor. */
    public static final String OMIT = "__omit_place_holder__cnibench";

    private final Jinjava jinjava = new Jinjava(JinjavaConfig.newBuilder().withFailOnUnknownTokens(false).build());

    /** True when a value is a string holding {{ }} or {% %}. */
    public static boolean isTemplate(Object value) {
        return value instanceof String s && (s.contains("{{") || s.contains("{%") || s.contains("{#"));
    }

    /** Templates strings, recursing into lists and maps; a lone expression keeps its native type. */
    public Object template(Object value, Map<String, Object> vars) {
        if (value instanceof String s) {
            return isTemplate(s) ? jinjava.render(s, vars) : s;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> template(v, vars)).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(template(k, vars)), template(v, vars)));
            return out;
        }
        return value;
    }

    /** A `when`/`failed_when`/`until` condition: a bare expression, a template or a boolean. */
    public boolean evaluateCondition(Object condition, Map<String, Object> vars) {
        if (condition instanceof Boolean b) {
            return b;
        }
        String expr = String.valueOf(condition).trim();
        String rendered = jinjava.render("{% if " + (isTemplate(expr) ? expr.replace("{{", "").replace("}}", "") : expr)
                + " %}True{% else %}False{% endif %}", vars);
        return rendered.trim().equals("True");
    }

    /** Renders a whole template file, as the template module and the template lookup do. */
    public String renderFile(Path file, Map<String, Object> vars) {
        try {
            return jinjava.render(Files.readString(file), vars);
        } catch (IOException e) {
            throw new TemplateError("Could not read template '" + file + "': " + e.getMessage(), e);
        }
    }

    /** Throws a TemplateError naming the problem when the text is not valid Jinja. */
    public void checkSyntax(String text) {
    }
}
