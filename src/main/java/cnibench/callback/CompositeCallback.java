package cnibench.callback;

import cnibench.executor.Stats;
import cnibench.executor.TaskResult;
import cnibench.playbook.Play;
import cnibench.playbook.Task;
import java.nio.file.Path;
import java.util.List;

/** Hands every event to several callbacks in order. */
public final class CompositeCallback implements Callback {
    private final List<Callback> targets;

    public CompositeCallback(List<Callback> targets) {
        this.targets = List.copyOf(targets);
    }

    @Override
    public synchronized void playbookStart(Path playbook) {
        targets.forEach(t -> t.playbookStart(playbook));
    }

    @Override
    public synchronized void playStart(Play play, String name) {
        targets.forEach(t -> t.playStart(play, name));
    }

    @Override
    public synchronized void noHostsMatched() {
        targets.forEach(Callback::noHostsMatched);
    }

    @Override
    public synchronized void taskStart(Task task, String name, boolean handler) {
        targets.forEach(t -> t.taskStart(task, name, handler));
    }

    @Override
    public synchronized void hostResult(TaskResult result) {
        targets.forEach(t -> t.hostResult(result));
    }

    @Override
    public synchronized void itemResult(TaskResult result) {
        targets.forEach(t -> t.itemResult(result));
    }

    @Override
    public synchronized void retrying(TaskResult attempt, int retriesLeft) {
        targets.forEach(t -> t.retrying(attempt, retriesLeft));
    }

    @Override
    public synchronized void included(Path file, List<String> hosts, String itemLabel) {
        targets.forEach(t -> t.included(file, hosts, itemLabel));
    }

    @Override
    public synchronized void warning(String message) {
        targets.forEach(t -> t.warning(message));
    }

    @Override
    public synchronized void progress(String host, String message) {
        targets.forEach(t -> t.progress(host, message));
    }

    @Override
    public synchronized void recap(Stats stats) {
        targets.forEach(t -> t.recap(stats));
    }
}
