package cnibench.executor;

import cnibench.python.PyRepr;
import cnibench.callback.Callback;
import cnibench.connection.UnsupportedConnectionException;
import cnibench.inventory.Host;
import cnibench.playbook.Task;
import cnibench.template.TemplateError;
import cnibench.template.Templar;
import cnibench.vars.LayeredVars;
import cnibench.vars.VariableManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a task once per loop item with loop_control (loop_var, index_var, label, pause, extended),
 * reports each item, and gives the aggregate result Ansible registers (results, changed, msg).
 */
final class LoopRunner {
    private final Templar templar;
    private final VariableManager variables;
    private final Callback callback;
    private final TaskKeywords keywords;
    private final Attempts attempts;
    private final ResultPolicy policy;
    private final AlwaysSections always;

    LoopRunner(Templar templar, VariableManager variables, Callback callback, TaskKeywords keywords, Attempts attempts,
               ResultPolicy policy, AlwaysSections always) {
        this.templar = templar;
        this.variables = variables;
        this.callback = callback;
        this.keywords = keywords;
        this.attempts = attempts;
        this.policy = policy;
        this.always = always;
    }

    Map<String, Object> run(Task task, Host host, Map<String, Object> vars, List<Object> items, String delegate,
                            Map<String, Object> includeParams) {
        Map<String, Object> control = task.loopControl();
        String loopVar = control.get("loop_var") == null ? "item" : String.valueOf(control.get("loop_var"));
        String indexVar = control.get("index_var") == null ? null : String.valueOf(control.get("index_var"));
        double pause = TaskKeywords.number(templar.template(control.get("pause"), vars), 0);
        boolean extended = Boolean.TRUE.equals(templar.template(control.get("extended"), vars));
        List<Map<String, Object>> results = new ArrayList<>();
        Map<String, Object> loopVars = vars;
        for (int i = 0; i < items.size(); i++) {
            if (!always.mayRun(host)) {
                break;
            }
            if (i > 0 && pause > 0) {
                Attempts.sleep((long) (pause * 1000));
            }
            Object item = items.get(i);
            Map<String, Object> itemVars = LayeredVars.over(loopVars);
            itemVars.put(loopVar, item);
            itemVars.put("ansible_loop_var", loopVar);
            if (indexVar != null) {
                itemVars.put(indexVar, i);
                itemVars.put("ansible_index_var", indexVar);
            }
            if (extended) {
                itemVars.put("ansible_loop", loopInfo(items, i));
            }
            Map<String, Object> r;
            String itemDelegate = delegate;
            try {
                itemDelegate = keywords.delegateOf(task, itemVars);
                r = keywords.failingCondition(task, itemVars) != null ? Results.skippedByCondition()
                        : attempts.run(task, host, itemVars, itemDelegate);
            } catch (UnsupportedConnectionException e) {
                r = Results.unreachable(e.getMessage());
            } catch (TemplateError e) {
                throw e; // as in Ansible, an item that cannot be templated fails the whole task
            } catch (RuntimeException e) {
                r = Results.failure(Results.describe(e));
            }
            if (r.get("ansible_facts") != null) {
                // set_fact and friends apply per item: the next item sees what this one set
                loopVars = variables.forTask(host, task, includeParams);
            }
            r.put(loopVar, item);
            r.put("ansible_loop_var", loopVar);
            if (indexVar != null) {
                r.put(indexVar, i);
                r.put("ansible_index_var", indexVar);
            }
            String label = control.get("label") == null ? null : String.valueOf(templar.template(control.get("label"), itemVars));
            if (label != null) {
                r.put("_ansible_item_label", label);
            }
            TaskResult itemResult = policy.finish(task, host, r, itemDelegate);
            callback.itemResult(new TaskResult(host, task, itemResult.status(), policy.censor(task, vars, r), itemResult.ignored(),
                    itemDelegate, label != null ? label : PyRepr.str(item), itemResult.showsOnlyOutput()));
            results.add(r);
        }
        return aggregate(results, items.isEmpty());
    }

    /** The loop's own result: every item's, changed if any changed, failed if any failed. */
    private static Map<String, Object> aggregate(List<Map<String, Object>> results, boolean noItems) {
        boolean anyChanged = results.stream().anyMatch(r -> Boolean.TRUE.equals(r.get("changed")));
        boolean anyFailed = results.stream().anyMatch(r -> Boolean.TRUE.equals(r.get("failed")));
        boolean allSkipped = results.stream().allMatch(r -> Boolean.TRUE.equals(r.get("skipped")));
        Map<String, Object> aggregate = new LinkedHashMap<>();
        aggregate.put("results", results);
        aggregate.put("changed", anyChanged);
        if (anyFailed) {
            aggregate.put("failed", true);
            aggregate.put("msg", "One or more items failed");
        } else if (noItems) {
            aggregate.put("skipped", true);
            aggregate.put("skipped_reason", "No items in the list");
        } else if (allSkipped) {
            aggregate.put("skipped", true);
            aggregate.put("msg", "All items skipped");
        } else {
            aggregate.put("msg", "All items completed");
        }
        return aggregate;
    }

    private static Map<String, Object> loopInfo(List<Object> items, int i) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("allitems", items);
        info.put("index", i + 1);
        info.put("index0", i);
        info.put("revindex", items.size() - i);
        info.put("revindex0", items.size() - i - 1);
        info.put("first", i == 0);
        info.put("last", i == items.size() - 1);
        info.put("length", items.size());
        if (i > 0) {
            info.put("previtem", items.get(i - 1));
        }
        if (i < items.size() - 1) {
            info.put("nextitem", items.get(i + 1));
        }
        return info;
    }
}
