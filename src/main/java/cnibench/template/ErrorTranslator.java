package cnibench.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError.ErrorType;

/** Turns the errors Jinjava collected during a render into one exception, Ansible worded. */
final class ErrorTranslator {
    private ErrorTranslator() {
    }

    static void throwIfFailed(JinjavaInterpreter interpreter, String source) {
        for (com.hubspot.jinjava.interpret.TemplateError error : interpreter.getErrors()) {
            if (error.getSeverity() != ErrorType.FATAL) {
                continue;
            }
            for (Throwable t = error.getException(); t != null; t = t.getCause()) {
                if (t instanceof TemplateError ours) {
                    throw ours;
                }
            }
            throw new TemplateError("template error while templating string: " + error.getMessage()
                    + ". String: " + source);
        }
    }
}
