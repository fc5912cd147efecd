package cnibench.template;

import com.hubspot.jinjava.interpret.DynamicVariableResolver;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The variables of one templating call, resolved lazily: Jinjava asks here for every name it does
 * not find in its own scopes, so the caller's map is never copied. A value holding a template is
 * rendered on first use (recursively, with loop detection) and remembered for the rest of the call.
 */
final class RenderSession implements DynamicVariableResolver {
    private final Templar templar;
    private final Map<String, Object> vars;
    private final Map<String, Object> resolved = new HashMap<>();
    private final Set<String> resolving = new LinkedHashSet<>();
    private final Set<Object> nativeTexts = Collections.newSetFromMap(new IdentityHashMap<>());

    private final Path templateFile;
    private final Map<String, Object> fileVars;

    RenderSession(Templar templar, Map<String, Object> vars) {
        this(templar, vars, null);
    }

    /** A session rendering a template file: its template_* variables and ansible_managed shadow the task's. */
    RenderSession(Templar templar, Map<String, Object> vars, Path templateFile) {
        this.templar = templar;
        this.vars = vars;
        this.templateFile = templateFile;
        this.fileVars = templateFile == null ? Map.of() : TemplateFileVars.of(templateFile);
    }

    /** The template file being rendered, or null for a template string. */
    Path templateFile() {
        return templateFile;
    }

    /** The session of the template being rendered on this thread (for filters and lookups). */
    static RenderSession current() {
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        if (interpreter != null && interpreter.getContext().getDynamicVariableResolver() instanceof RenderSession s) {
            return s;
        }
        throw new IllegalStateException("no template is being rendered");
    }

    Templar templar() {
        return templar;
    }

    Map<String, Object> rawVars() {
        return vars;
    }

    boolean has(String name) {
        return vars.containsKey(name);
    }

    @Override
    public Object apply(String given) {
        String name = given.startsWith(JinjaPreprocessor.RENAMED_PREFIX)
                ? given.substring(JinjaPreprocessor.RENAMED_PREFIX.length()) : given;
        if (fileVars.containsKey(name)) {
            return fileVars.get(name);
        }
        if (resolved.containsKey(name)) {
            return resolved.get(name);
        }
        if (!vars.containsKey(name)) {
            return switch (name) {
                case "omit" -> Templar.OMIT;
                case "None", "none" -> null;
                default -> Undefined.variable(name);
            };
        }
        Object raw = vars.get(name);
        if (!NativeValues.containsTemplate(raw)) {
            return raw;
        }
        if (!resolving.add(name)) {
            throw new TemplateError("recursive loop detected in template string: " + raw);
        }
        Object value;
        try {
            value = templar.template(raw, this);
        } catch (UndefinedVariableError e) {
            // Ansible: a variable whose value uses an undefined one is itself undefined.
            value = Undefined.of(e);
        } finally {
            resolving.remove(name);
        }
        resolved.put(name, value);
        return value;
    }

    /** Marks a string (to_json output) that Ansible keeps as text instead of reading it back as data. */
    String keepAsText(String text) {
        nativeTexts.add(text);
        return text;
    }

    boolean isKeptAsText(Object value) {
        return nativeTexts.contains(value);
    }

    /** A variable's value fully templated, or null when it is not defined. */
    Object resolve(String name) {
        Object value = apply(name);
        return value instanceof Undefined ? null : value;
    }
}
