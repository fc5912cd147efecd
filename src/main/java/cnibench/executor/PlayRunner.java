package cnibench.executor;

import cnibench.callback.Callback;
import cnibench.inventory.Host;
import cnibench.playbook.Actions;
import cnibench.playbook.Block;
import cnibench.playbook.IncludeExpander;
import cnibench.playbook.Node;
import cnibench.playbook.Play;
import cnibench.playbook.Task;
import cnibench.python.AnsibleBoolean;
import cnibench.source.SourceError;
import cnibench.template.Templar;
import cnibench.vars.PlayHosts;
import cnibench.vars.VariableManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * Runs one play over its hosts: serial batches, fact gathering, the task sections with handlers
 * flushed after each, blocks with rescue and always, dynamic includes and meta tasks, with the
 * linear strategy (task by task across hosts) or free (each host on its own); handlers are
 * {@link HandlerQueue}'s, dynamic includes {@link IncludeRunner}'s.
 */
final class PlayRunner {
    private final TaskRunner tasks;
    private final VariableManager variables;
    private final Templar templar;
    private final IncludeExpander includeExpander;
    private final Callback callback;
    private final RunOptions options;
    private final Stats stats;
    private final HostFanOut fanOut;
    private final FactGathering facts;
    private final HostStateWrites writes;
    private final TagFilter tagFilter;
    private final AlwaysSections always;
    private final Set<Host> endedHosts = ConcurrentHashMap.newKeySet();
    private final Map<Host, TaskResult> lastFailure = new ConcurrentHashMap<>();
    private final ThreadLocal<java.util.ArrayDeque<Boolean>> rescueStack = ThreadLocal.withInitial(java.util.ArrayDeque::new);
    private volatile boolean startReached;
    private volatile boolean playEnded;
    private Play play;
    private PlayHosts playHosts;
    private HandlerQueue handlers;
    private IncludeRunner includes;

    PlayRunner(TaskRunner tasks, FactGathering facts, VariableManager variables, Templar templar, IncludeExpander includeExpander,
               Callback callback, RunOptions options, Stats stats, ExecutorService pool, AlwaysSections always) {
        this.facts = facts;
        this.writes = new HostStateWrites(variables);
        this.tasks = tasks;
        this.variables = variables;
        this.templar = templar;
        this.includeExpander = includeExpander;
        this.callback = callback;
        this.options = options;
        this.stats = stats;
        this.fanOut = new HostFanOut(pool);
        this.always = always;
        this.tagFilter = new TagFilter(options.tags(), options.skipTags());
        this.startReached = options.startAtTask() == null;
    }

    void run(Play play, List<Host> hosts) {
        this.play = play;
        this.playHosts = new PlayHosts(hosts);
        this.handlers = new HandlerQueue(play.handlers(), templar, variables);
        this.includes = new IncludeRunner(this, play, handlers.handlers(), variables, templar, tasks.keywords(), includeExpander, callback, stats);
        variables.startPlay(play, playHosts);
        for (List<Host> batch : SerialBatches.split(play.serial(), hosts, templar, variables.forPlayFields(play))) {
            playHosts.startBatch(batch);
            runBatch(batch);
            if (playEnded) {
                break;
            }
        }
    }

    private void runBatch(List<Host> batch) {
        List<Host> active = new ArrayList<>(batch);
        if (facts.wanted(play)) {
            active.removeAll(section(List.of(facts.task(play)), active));
        }
        List<List<Block>> sections = List.of(play.preTasks(), concat(play.roles(), play.tasks()), play.postTasks());
        for (List<Block> section : sections) {
            if (playEnded || active.isEmpty()) {
                break;
            }
            active.removeAll(section(new ArrayList<>(section), active));
            active.removeAll(flushHandlers(active));
        }
    }

    /** Runs a list of nodes for the hosts with the play's strategy; returns the hosts that failed. */
    private Set<Host> section(List<? extends Node> nodes, List<Host> hosts) {
        Set<Host> failed;
        if (play.freeStrategy() && hosts.size() > 1) {
            Set<Host> failedAnywhere = ConcurrentHashMap.newKeySet();
            fanOut.each(hosts, h -> failedAnywhere.addAll(runNodes(nodes, List.of(h))));
            failed = failedAnywhere;
        } else {
            failed = runNodes(nodes, hosts);
        }
        failed.forEach(playHosts::markFailed);
        return failed;
    }

    Set<Host> runNodes(List<? extends Node> nodes, List<Host> hosts) {
        List<Host> alive = new ArrayList<>(hosts);
        Set<Host> failed = new LinkedHashSet<>();
        for (Node node : nodes) {
            alive.removeAll(endedHosts);
            alive.removeIf(h -> !always.mayRun(h));
            if (alive.isEmpty() || playEnded) {
                break;
            }
            Set<Host> f = node instanceof Task t ? runTask(t, alive) : runBlock((Block) node, alive);
            alive.removeAll(f);
            failed.addAll(f);
        }
        return failed;
    }

    private Set<Host> runBlock(Block block, List<Host> hosts) {
        Set<Host> failed = inSection(!block.rescue().isEmpty(), () -> runNodes(block.block(), hosts));
        if (!block.rescue().isEmpty() && failed.stream().anyMatch(always::mayRun)) {
            List<Host> rescuing = new ArrayList<>(failed);
            rescuing.forEach(this::exposeFailure);
            Set<Host> stillFailed = inSection(false, () -> runNodes(block.rescue(), rescuing));
            rescuing.stream().filter(h -> !stillFailed.contains(h)).forEach(playHosts::clearFailed);
            failed = new LinkedHashSet<>(stillFailed);
        }
        if (!block.always().isEmpty()) {
            always.enter(hosts);
            try {
                failed.addAll(inSection(false, () -> runNodes(block.always(), hosts)));
            } finally {
                always.leave(hosts);
            }
        }
        return failed;
    }

    /**
     * Runs a block's section, remembering whether a failure there will be rescued: Ansible counts such
     * a failure as rescued, not failed, at the moment it happens.
     */
    private Set<Host> inSection(boolean rescuable, java.util.function.Supplier<Set<Host>> body) {
        rescueStack.get().push(rescuable);
        try {
            return body.get();
        } finally {
            rescueStack.get().pop();
        }
    }

    private boolean failureWillBeRescued() {
        return rescueStack.get().contains(Boolean.TRUE);
    }

    /** The task's name templated with the first host's variables, as the banner shows it; as written when that fails. */
    String bannerName(Task task, List<Host> hosts) {
        String name = task.name();
        if (name == null || !Templar.isTemplate(name) || hosts.isEmpty()) {
            return task.displayName();
        }
        try {
            String templated = String.valueOf(templar.template(name, variables.forTask(hosts.get(0), task, includes.paramsOf(task))));
            return task.role() != null ? task.role().name() + " : " + templated : templated;
        } catch (RuntimeException e) {
            return task.displayName();
        }
    }

    /** In rescue, ansible_failed_task and ansible_failed_result describe what failed. */
    private void exposeFailure(Host host) {
        TaskResult last = lastFailure.get(host);
        if (last == null) {
            return;
        }
        Map<String, Object> failedTask = new LinkedHashMap<>();
        failedTask.put("name", last.task().name() == null ? "" : last.task().name());
        failedTask.put("action", last.task().action());
        failedTask.put("args", last.task().args());
        writes.exposeFailure(host, failedTask, last.result());
    }

    private Set<Host> runTask(Task task, List<Host> hosts) {
        if (!startReached) {
            if (!options.startAtTask().equals(task.name()) && !options.startAtTask().equals(task.displayName())) {
                return Set.of();
            }
            startReached = true;
        }
        if (!tagFilter.selects(task.tags())) {
            return Set.of();
        }
        if (Actions.META.contains(task.action())) {
            return meta(task, hosts);
        }
        if (Actions.INCLUDE_TASKS.contains(task.action()) || Actions.INCLUDE_ROLE.contains(task.action())) {
            return includes.run(task, hosts);
        }
        callback.taskStart(task, bannerName(task, hosts), task.isHandler());
        boolean runOnce = AnsibleBoolean.parse(firstHostKeyword(task, hosts, "run_once"), false);
        List<Host> targets = runOnce ? hosts.subList(0, 1) : hosts;
        List<TaskResult> results = fanOut.run(targets, forksFor(task, hosts), h -> tasks.run(task, h, includes.paramsOf(task)));
        if (runOnce) {
            shareRegistered(results.get(0), task, hosts);
        }
        Set<Host> failed = new LinkedHashSet<>();
        for (TaskResult r : results) {
            record(r);
            if (r.status() == TaskStatus.FAILED && !r.ignored() || r.status() == TaskStatus.UNREACHABLE && !r.ignored()) {
                failed.add(r.host());
                playHosts.markFailed(r.host());
                lastFailure.put(r.host(), r);
            }
            if (Boolean.TRUE.equals(r.result().get("changed")) && r.status() != TaskStatus.FAILED) {
                handlers.notify(task, r.host());
            }
        }
        // a failure a block's rescue will handle does not end the play, as in Ansible
        if (!failed.isEmpty() && AnsibleBoolean.parse(firstHostKeyword(task, hosts, "any_errors_fatal"), false) && !failureWillBeRescued()) {
            playEnded = true;
        }
        if (!failed.isEmpty() && play.maxFailPercentage() != null) {
            double limit = TaskKeywords.number(templar.template(play.maxFailPercentage(),
                    variables.forPlayFields(play)), 100);
            long failedInBatch = playHosts.batch().stream().filter(h -> failed.contains(h) || playHosts.isFailed(h)).count();
            if (100.0 * failedInBatch / playHosts.batch().size() > limit) {
                playEnded = true;
            }
        }
        return failed;
    }

    /** run_once: the one result is reported for the first host and registered for every host. */
    private void shareRegistered(TaskResult first, Task task, List<Host> hosts) {
        String register = task.register();
        if (register == null) {
            return;
        }
        writes.shareRegistered(first.host(), hosts.subList(1, hosts.size()), register);
    }


    void record(TaskResult r) {
        stats.count(r, failureWillBeRescued());
        callback.hostResult(r);
    }


    /** Forks, or fewer when the task's throttle asks. */
    private int forksFor(Task task, List<Host> hosts) {
        Object throttle = firstHostKeyword(task, hosts, "throttle");
        return throttle == null ? options.forks() : Math.min(options.forks(), (int) TaskKeywords.number(throttle, options.forks()));
    }

    /** A keyword templated with the first host's variables, as Ansible's strategy reads run_once and throttle. */
    private Object firstHostKeyword(Task task, List<Host> hosts, String name) {
        Object raw = task.keyword(name);
        return raw instanceof String s && Templar.isTemplate(s)
                ? templar.template(raw, variables.forTask(hosts.get(0), task, includes.paramsOf(task))) : raw;
    }

    /** Runs notified handlers in the order they are defined; returns hosts that failed in them. */
    private Set<Host> flushHandlers(List<Host> hosts) {
        Set<Host> failed = handlers.flush(hosts, this::runTask);
        failed.forEach(playHosts::markFailed);
        return failed;
    }

    private Set<Host> meta(Task task, List<Host> hosts) {
        String what = String.valueOf(task.args().get("_raw_params")).trim();
        callback.taskStart(task, bannerName(task, hosts), task.isHandler());
        switch (what) {
            case "flush_handlers" -> {
                return flushHandlers(hosts);
            }
            case "end_play" -> playEnded = true;
            case "end_host" -> {
                for (Host h : hosts) {
                    if (tasks.keywords().failingCondition(task, variables.forTask(h, task, Map.of())) == null) {
                        endedHosts.add(h);
                    }
                }
            }
            case "clear_facts" -> hosts.forEach(writes::clearFacts);
            case "clear_host_errors", "noop", "refresh_inventory", "reset_connection", "end_batch" -> {
            }
            default -> throw new SourceError("invalid meta action requested: " + what, task.position());
        }
        return Set.of();
    }

    private static <T> List<T> concat(List<? extends T> a, List<? extends T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

}
