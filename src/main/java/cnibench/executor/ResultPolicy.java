package cnibench.executor;

import cnibench.inventory.Host;
import cnibench.playbook.Task;
import cnibench.template.Templar;
import cnibench.vars.LayeredVars;
import cnibench.vars.VariableManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a task's keywords make of a result: changed_when and failed_when, the status, register,
 * ignore_errors and ignore_unreachable, and no_log.
 */
final class ResultPolicy {
    private static final String CENSORED = "the output has been hidden due to the fact that 'no_log: true' was specified for this result";

    private final Templar templar;
    private final VariableManager variables;
    private final HostStateWrites writes;
    private final TaskKeywords keywords;
    private final ModuleCall modules;

    ResultPolicy(Templar templar, VariableManager variables, TaskKeywords keywords, ModuleCall modules) {
        this.templar = templar;
        this.variables = variables;
        this.writes = new HostStateWrites(variables);
        this.keywords = keywords;
        this.modules = modules;
    }

    TaskResult finish(Task task, Host host, Map<String, Object> result, String delegate) {
        return finish(task, host, result, delegate, false);
    }

    /** A loop's aggregate: its items were judged one by one, so changed_when and failed_when are not applied again. */
    TaskResult finishLoop(Task task, Host host, Map<String, Object> aggregate, String delegate) {
        return finish(task, host, aggregate, delegate, true);
    }

    private TaskResult finish(Task task, Host host, Map<String, Object> result, String delegate, boolean loop) {
        Map<String, Object> vars = null;
        boolean unreachable = Boolean.TRUE.equals(result.get("unreachable"));
        boolean skipped = Boolean.TRUE.equals(result.get("skipped"));
        if (!loop && !skipped && !unreachable && judges(task)) {
            vars = withRegistered(task, variables.forTask(host, task, Map.of()), result);
            result = judged(task, vars, result);
        }
        boolean failed = Boolean.TRUE.equals(result.get("failed"));
        if (failed && !loop && !result.containsKey("msg")) {
            result.put("msg", "");
        }
        TaskStatus status = unreachable ? TaskStatus.UNREACHABLE : failed ? TaskStatus.FAILED
                : skipped ? TaskStatus.SKIPPED : Boolean.TRUE.equals(result.get("changed")) ? TaskStatus.CHANGED : TaskStatus.OK;
        String register = task.register();
        if (register != null) {
            Map<String, Object> registered = new LinkedHashMap<>();
            result.forEach((k, v) -> {
                if (!k.startsWith("_ansible")) {
                    registered.put(k, v);
                }
            });
            writes.register(host, register, registered);
        }
        boolean ignored = false;
        if (status == TaskStatus.FAILED || status == TaskStatus.UNREACHABLE) {
            Map<String, Object> v = vars != null ? vars : safeVars(host, task);
            ignored = v != null && keywords.flag(task, status == TaskStatus.FAILED ? "ignore_errors" : "ignore_unreachable", v, false);
        }
        return new TaskResult(host, task, status, censor(task, vars, result), ignored, delegate, null, modules.showsOnlyOutput(task));
    }

    private static boolean judges(Task task) {
        return task.changedWhen() != null || task.failedWhen() != null;
    }

    /** The result with changed_when and failed_when applied, when the task has them (vars hold the registered result). */
    Map<String, Object> judgedIfAsked(Task task, Map<String, Object> vars, Map<String, Object> result) {
        return judges(task) ? judged(task, withRegistered(task, vars, result), result) : result;
    }

    private Map<String, Object> judged(Task task, Map<String, Object> vars, Map<String, Object> result) {
        Object changedWhen = task.changedWhen();
        Object failedWhen = task.failedWhen();
        try {
            if (changedWhen != null) {
                result.put("changed", allTrue(changedWhen, vars));
            }
            if (failedWhen != null) {
                boolean failed = allTrue(failedWhen, vars);
                result.put("failed_when_result", failed);
                result.put("failed", failed);
            }
            return result;
        } catch (RuntimeException e) {
            return Results.failure(Results.describe(e));
        }
    }

    private Map<String, Object> safeVars(Host host, Task task) {
        try {
            return variables.forTask(host, task, Map.of());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The result as no_log lets it be shown: only its status when the task hides its output. */
    Map<String, Object> censor(Task task, Map<String, Object> vars, Map<String, Object> result) {
        Object noLog = task.keyword("no_log");
        if (noLog == null) {
            return result;
        }
        boolean hide = noLog instanceof Boolean b ? b : templar.evaluateCondition(noLog, vars == null ? Map.of() : vars);
        if (!hide) {
            return result;
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("censored", CENSORED);
        c.put("changed", result.get("changed"));
        if (result.containsKey("failed")) {
            c.put("failed", result.get("failed"));
        }
        if (result.containsKey("skipped")) {
            c.put("skipped", result.get("skipped"));
        }
        return c;
    }

    private boolean allTrue(Object conditions, Map<String, Object> vars) {
        for (Object c : conditions instanceof List<?> l ? l : List.of(conditions)) {
            if (!templar.evaluateCondition(c, vars)) {
                return false;
            }
        }
        return true;
    }

    /** The variables with the task's registered name bound to the result, as until and failed_when see it. */
    Map<String, Object> withRegistered(Task task, Map<String, Object> vars, Map<String, Object> result) {
        String register = task.register();
        if (register == null) {
            return vars;
        }
        Map<String, Object> v = LayeredVars.over(vars);
        v.put(register, result);
        return v;
    }
}
