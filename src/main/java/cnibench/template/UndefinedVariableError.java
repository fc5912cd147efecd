package cnibench.template;

/** A template used a variable (or an attribute) that has no value. */
public class UndefinedVariableError extends TemplateError {
    private final String variable;

    public UndefinedVariableError(String variable) {
        this(variable, "'" + variable + "' is undefined");
    }

    /** For a missing attribute, where Ansible words the message differently. */
    public UndefinedVariableError(String variable, String message) {
        super(message);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
