package cnibench.executor;

import cnibench.playbook.Task;
import cnibench.source.ErrorContext;
import cnibench.template.TemplateError;
import cnibench.template.UndefinedVariableError;
import java.util.LinkedHashMap;
import java.util.Map;

/** The dictionaries Ansible returns when a task fails or is skipped before (or instead of) its module. */
final class Results {
    private Results() {
    }

    static Map<String, Object> failure(String msg) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("changed", false);
        r.put("failed", true);
        r.put("msg", msg);
        return r;
    }

    static Map<String, Object> unreachable(String msg) {
        Map<String, Object> r = failure(msg);
        r.put("unreachable", true);
        return r;
    }

    static Map<String, Object> skippedByCondition() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("changed", false);
        r.put("skip_reason", "Conditional result was False");
        r.put("skipped", true);
        return r;
    }

    /** Ansible reports an undefined loop with the bare message, twice (Jinja's and its own). */
    static Map<String, Object> loopFailure(UndefinedVariableError e) {
        return templatingFailure(e.getMessage() + ". " + e.getMessage());
    }

    /**
     * The result of an error while templating the task. An undefined variable is reported as Ansible reports it: its
     * message twice (Jinja's and Ansible's), then where the task was written, and no "changed".
     */
    static Map<String, Object> failureFor(RuntimeException e, Task task) {
        if (!(e instanceof UndefinedVariableError undefined)) {
            return failure(describe(e));
        }
        String context = ErrorContext.of(task.position());
        return templatingFailure(describe(undefined) + ". " + undefined.getMessage() + (context.isEmpty() ? "" : "\n\n" + context));
    }

    /** What Ansible returns when templating the task raised: failed and the message, no "changed". */
    private static Map<String, Object> templatingFailure(String msg) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("failed", true);
        r.put("msg", msg);
        return r;
    }

    /** A message for an error in templating or evaluation, worded as Ansible words it. */
    static String describe(RuntimeException e) {
        if (e instanceof UndefinedVariableError u) {
            return "The task includes an option with an undefined variable. The error was: " + u.getMessage();
        }
        if (e instanceof TemplateError) {
            return "template error: " + e.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
