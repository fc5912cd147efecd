package cnibench.module.spi;

import cnibench.template.Templar;
import java.nio.file.Path;
import java.util.Map;

/** A ModuleContext that templates, evaluates conditions and renders template files with one Templar over its variables. */
public abstract class TemplatingModuleContext implements ModuleContext {
    private final Templar templar;
    private final Map<String, Object> vars;

    protected TemplatingModuleContext(Templar templar, Map<String, Object> vars) {
        this.templar = templar;
        this.vars = vars;
    }

    @Override
    public final Map<String, Object> vars() {
        return vars;
    }

    @Override
    public final Object template(Object value) {
        return templar.template(value, vars);
    }

    @Override
    public final boolean evaluate(String condition) {
        return templar.evaluateCondition(condition, vars);
    }

    @Override
    public final String renderTemplateFile(Path file) {
        return templar.renderFile(file, vars);
    }
}
