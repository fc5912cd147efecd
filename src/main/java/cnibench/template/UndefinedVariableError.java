package cnibench.template;

/** A template used a variable that has no value. */
public class UndefinedVariableError extends TemplateError {
    private final String variable;

    public UndefinedVariableError(String variable) {
        super("'" + variable + "' is undefined");
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
