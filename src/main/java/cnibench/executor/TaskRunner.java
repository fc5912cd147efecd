package cnibench.executor;

import cnibench.callback.Callback;
import cnibench.connection.UnsupportedConnectionException;
import cnibench.inventory.Host;
import cnibench.playbook.Task;
import cnibench.template.Templar;
import cnibench.template.UndefinedVariableError;
import cnibench.vars.VariableManager;
import java.util.List;
import java.util.Map;

/**
 * Runs one task on one host: its variables, its conditions, then the module once ({@link Attempts})
 * or per loop item ({@link LoopRunner}), and the result through the task's {@link ResultPolicy}.
 */
final class TaskRunner {
    private final Templar templar;
    private final VariableManager variables;
    private final TaskKeywords keywords;
    private final ResultPolicy policy;
    private final Attempts attempts;
    private final LoopRunner loops;

    TaskRunner(Templar templar, VariableManager variables, Callback callback, TaskKeywords keywords, ModuleCall module,
               AlwaysSections always) {
        this.templar = templar;
        this.variables = variables;
        this.keywords = keywords;
        this.policy = new ResultPolicy(templar, variables, keywords, module);
        this.attempts = new Attempts(templar, callback, keywords, module, policy, always);
        this.loops = new LoopRunner(templar, variables, callback, keywords, attempts, policy, always);
    }

    TaskKeywords keywords() {
        return keywords;
    }

    TaskResult run(Task task, Host host, Map<String, Object> includeParams) {
        Map<String, Object> vars;
        try {
            vars = variables.forTask(host, task, includeParams);
        } catch (RuntimeException e) {
            return policy.finish(task, host, Results.failureFor(e, task), null);
        }
        String delegate = null;
        try {
            List<Object> items;
            try {
                items = LoopItems.of(task.ownKeywords(), templar, vars);
            } catch (UndefinedVariableError e) {
                // as Ansible: a loop over an undefined variable fails only if the task's conditions hold
                if (keywords.conditionsFail(task, vars)) {
                    return policy.finish(task, host, Results.skippedByCondition(), null);
                }
                return policy.finish(task, host, Results.loopFailure(e), null);
            }
            if (items != null) {
                return policy.finishLoop(task, host, loops.run(task, host, vars, items, null, includeParams), null);
            }
            delegate = keywords.delegateOf(task, vars);
            Map<String, Object> result = keywords.failingCondition(task, vars) != null ? Results.skippedByCondition()
                    : attempts.run(task, host, vars, delegate);
            return policy.finish(task, host, result, delegate);
        } catch (UnsupportedConnectionException e) {
            return new TaskResult(host, task, TaskStatus.UNREACHABLE, Results.unreachable(e.getMessage()), false, delegate, null);
        } catch (RuntimeException e) {
            return policy.finish(task, host, Results.failureFor(e, task), delegate);
        }
    }
}
