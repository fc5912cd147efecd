package cnibench.template;

/** A template that could not be rendered; the message is Ansible's wording where it has one. */
public class TemplateError extends RuntimeException {
    public TemplateError(String message) {
        super(message);
    }

    public TemplateError(String message, Throwable cause) {
        super(message, cause);
    }
}
