package cnibench.executor;

import cnibench.inventory.Host;
import cnibench.playbook.Task;
import java.util.Map;

/**
 * The outcome of one task on one host (or one loop item): its status, the registered dictionary,
 * and whether a failure was ignored.
 *
 * @param showsOnlyOutput the module asks the terminal to show only its output (debug's message or variable)
 */
public record TaskResult(Host host, Task task, TaskStatus status, Map<String, Object> result, boolean ignored,
                         String delegatedTo, String itemLabel, boolean showsOnlyOutput) {

    /** The outcome of a task no module ran for (an include, an unreachable host). */
    public TaskResult(Host host, Task task, TaskStatus status, Map<String, Object> result, boolean ignored,
                      String delegatedTo, String itemLabel) {
        this(host, task, status, result, ignored, delegatedTo, itemLabel, false);
    }

    public boolean failed() {
        return status == TaskStatus.FAILED && !ignored;
    }

    public boolean changed() {
        return Boolean.TRUE.equals(result.get("changed"));
    }

    public TaskResult asIgnored() {
        return new TaskResult(host, task, status, result, true, delegatedTo, itemLabel, showsOnlyOutput);
    }
}
