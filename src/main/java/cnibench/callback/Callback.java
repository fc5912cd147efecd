package cnibench.callback;

import cnibench.executor.Stats;
import cnibench.executor.TaskResult;
import cnibench.playbook.Play;
import cnibench.playbook.Task;
import java.nio.file.Path;
import java.util.List;

/** Receives the events of a run, as Ansible's callback plugins do. Calls come from one thread at a time. */
public interface Callback {
    default void playbookStart(Path playbook) {
    }

    default void playStart(Play play, String name) {
    }

    default void noHostsMatched() {
    }

    default void taskStart(Task task, String name, boolean handler) {
    }

    /** A task finished on a host; for loops this is the aggregate after {@link #itemResult}s. */
    default void hostResult(TaskResult result) {
    }

    default void itemResult(TaskResult result) {
    }

    default void retrying(TaskResult attempt, int retriesLeft) {
    }

    default void included(Path file, List<String> hosts, String itemLabel) {
    }

    default void warning(String message) {
    }

    /** Progress of long work inside a module (a repeat, seconds left). */
    default void progress(String host, String message) {
    }

    default void recap(Stats stats) {
    }
}
