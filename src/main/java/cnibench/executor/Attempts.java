package cnibench.executor;

import cnibench.callback.Callback;
import cnibench.inventory.Host;
import cnibench.playbook.Task;
import cnibench.template.Templar;
import java.util.Map;

/** Runs a task's module for one item (or the task), again while `until` is false: retries and delay. */
final class Attempts {
    private final Templar templar;
    private final Callback callback;
    private final TaskKeywords keywords;
    private final ModuleCall module;
    private final ResultPolicy policy;
    private final AlwaysSections always;

    Attempts(Templar templar, Callback callback, TaskKeywords keywords, ModuleCall module, ResultPolicy policy,
             AlwaysSections always) {
        this.templar = templar;
        this.callback = callback;
        this.keywords = keywords;
        this.module = module;
        this.policy = policy;
        this.always = always;
    }

    Map<String, Object> run(Task task, Host host, Map<String, Object> vars, String delegate) {
        Object until = task.until();
        if (until == null) {
            return module.run(task, host, vars, delegate);
        }
        int retries = retriesOf(task, vars);
        double delay = keywords.number(task, "delay", vars, 5);
        Map<String, Object> result = null;
        for (int attempt = 1; attempt <= retries; attempt++) {
            if (attempt > 1 && !always.mayRun(host)) {
                break;
            }
            result = module.run(task, host, vars, delegate);
            result.put("attempts", attempt);
            // as Ansible: changed_when and failed_when decide each attempt before until looks at it
            result = policy.judgedIfAsked(task, vars, result);
            if (templar.evaluateCondition(until, policy.withRegistered(task, vars, result))) {
                return result;
            }
            if (attempt < retries && always.mayRun(host)) {
                callback.retrying(new TaskResult(host, task, TaskStatus.FAILED, result, false, delegate, null), retries - attempt);
                sleep((long) (delay * 1000));
            }
        }
        result.put("failed", true);
        result.put("attempts", retries - 1);
        return result;
    }

    /** Attempts in all: retries (3 when unset) plus the first; at least one. */
    private int retriesOf(Task task, Map<String, Object> vars) {
        int retries = (int) keywords.number(task, "retries", vars, 3);
        return retries <= 0 ? 1 : retries + 1;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
