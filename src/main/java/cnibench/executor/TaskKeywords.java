package cnibench.executor;

import cnibench.playbook.KeywordTypes;
import cnibench.playbook.Task;
import cnibench.python.AnsibleBoolean;
import cnibench.template.Templar;
import java.util.Map;

/** A task's keywords read with its variables: flags, numbers, conditions and the delegate. */
final class TaskKeywords {
    private final Templar templar;

    TaskKeywords(Templar templar) {
        this.templar = templar;
    }

    /** A boolean keyword (inherited from blocks and the play) templated; the fallback when none sets it. */
    boolean flag(Task task, String keyword, Map<String, Object> vars, boolean fallback) {
        Object v = task.keyword(keyword);
        if (v == null) {
            return fallback;
        }
        return AnsibleBoolean.parse(templar.template(v, vars), false);
    }

    /**
     * An int keyword of the task itself (retries, delay, async, poll), templated and converted as
     * Ansible does; the fallback when unset. A value that is no int fails the task.
     */
    double number(Task task, String keyword, Map<String, Object> vars, double fallback) {
        Object written = task.ownKeywords().get(keyword);
        Object v = templar.template(written, vars);
        if (v == null) {
            return fallback;
        }
        try {
            return ((Number) KeywordTypes.convert(keyword, v, written)).doubleValue();
        } catch (IllegalArgumentException e) {
            throw new TaskFailure(e.getMessage());
        }
    }

    static double number(Object v, double fallback) {
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The first condition of the task (and its blocks) that is false, or null when all hold. */
    String failingCondition(Task task, Map<String, Object> vars) {
        for (Object c : task.conditions()) {
            if (!templar.evaluateCondition(c, vars)) {
                return String.valueOf(c);
            }
        }
        return null;
    }

    /** Whether a condition is false; one that cannot be evaluated (it uses the item) leaves the loop's error to report. */
    boolean conditionsFail(Task task, Map<String, Object> vars) {
        try {
            return failingCondition(task, vars) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The host the task is delegated to, or null. */
    String delegateOf(Task task, Map<String, Object> vars) {
        Object d = task.keyword("delegate_to");
        return d == null ? null : String.valueOf(templar.template(d, vars));
    }
}
