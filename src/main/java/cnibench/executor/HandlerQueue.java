package cnibench.executor;

import cnibench.inventory.Host;
import cnibench.playbook.Task;
import cnibench.source.SourceError;
import cnibench.template.Templar;
import cnibench.vars.VariableManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * One run's handlers: the play's, then those include_role brings while the play runs (kept here,
 * not in the loaded play); which ones the tasks notified per host, and running them in the order
 * they are defined.
 */
final class HandlerQueue {
    // include_role adds to it while flush may be iterating
    private final List<Task> handlers = new CopyOnWriteArrayList<>();
    private final Templar templar;
    private final VariableManager variables;
    private final Map<Host, Set<Task>> notified = new ConcurrentHashMap<>();

    HandlerQueue(List<Task> handlers, Templar templar, VariableManager variables) {
        this.handlers.addAll(handlers);
        this.templar = templar;
        this.variables = variables;
    }

    /** The list an include_role run adds its role's handlers to. */
    List<Task> handlers() {
        return handlers;
    }

    /** Queues what the changed task notifies for the host. */
    void notify(Task task, Host host) {
        for (Object name : task.notifies()) {
            String wanted = String.valueOf(templar.template(name, variables.forHost(host)));
            // by name the last handler defined wins (a role applied twice has one copy of it per
            // application, as in Ansible); every handler listening to the topic runs
            List<Task> named = handlers.stream().filter(h -> wanted.equals(h.name()) || wanted.equals(h.displayName())).toList();
            List<Task> matching = new ArrayList<>(handlers.stream().filter(h -> h.listensTo(wanted)).toList());
            if (!named.isEmpty()) {
                matching.add(named.get(named.size() - 1));
            }
            if (matching.isEmpty()) {
                throw new SourceError("The requested handler '" + wanted + "' was not found in either the main handlers"
                        + " list nor in the listening handlers list", task.position());
            }
            notified.computeIfAbsent(host, k -> Collections.synchronizedSet(new LinkedHashSet<>())).addAll(matching);
        }
    }

    /** Runs the notified handlers for the hosts; a host that fails in one runs no later one. Returns the hosts that failed. */
    Set<Host> flush(List<Host> hosts, BiFunction<Task, List<Host>, Set<Host>> runTask) {
        Set<Host> failed = new LinkedHashSet<>();
        for (Task handler : handlers) {
            List<Host> targets = new ArrayList<>();
            for (Host h : hosts) {
                Set<Task> pending = notified.get(h);
                if (pending != null && pending.remove(handler) && !failed.contains(h)) {
                    targets.add(h);
                }
            }
            if (!targets.isEmpty()) {
                failed.addAll(runTask.apply(handler, targets));
            }
        }
        return failed;
    }
}
