package cnibench.template;

import cnibench.python.PythonError;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError.ErrorReason;
import com.hubspot.jinjava.interpret.TemplateError.ErrorType;

/** Turns the errors Jinjava collected during a render into one exception, Ansible worded. */
final class ErrorTranslator {
    private ErrorTranslator() {
    }

    /** Parsing also fails on syntax warnings (a stray end tag), as Jinja's parser does. */
    static void throwIfParseFailed(JinjavaInterpreter interpreter, String source) {
        for (com.hubspot.jinjava.interpret.TemplateError error : interpreter.getErrors()) {
            if (error.getSeverity() == ErrorType.FATAL || error.getReason() == ErrorReason.SYNTAX_ERROR) {
                String field = error.getFieldName();
                String where = field == null || error.getMessage().contains(field) ? "" : " '" + field + "'";
                throw new TemplateError("template error while templating string: " + error.getMessage() + where
                        + ". String: " + source);
            }
        }
    }

    /** Our own error (or Python's, from cnibench.python) if Jinjava wrapped one, else Jinjava's message as a TemplateError. */
    static TemplateError translate(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TemplateError ours) {
                return ours;
            }
            if (t instanceof PythonError python) {
                return new TemplateError(python.getMessage(), python);
            }
        }
        return new TemplateError("template error: " + e.getMessage(), e);
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
                if (t instanceof PythonError python) {
                    throw new TemplateError(python.getMessage(), python);
                }
            }
            throw new TemplateError("template error while templating string: " + error.getMessage()
                    + ". String: " + source);
        }
    }
}
