package cnibench.executor;

import cnibench.python.PyRepr;
import cnibench.callback.Callback;
import cnibench.inventory.Host;
import cnibench.playbook.Actions;
import cnibench.playbook.Block;
import cnibench.playbook.Node;
import cnibench.playbook.Play;
import cnibench.playbook.PlaybookLoader;
import cnibench.playbook.Task;
import cnibench.source.SourceError;
import cnibench.template.Templar;
import cnibench.template.UndefinedVariableError;
import cnibench.vars.PlayHosts;
import cnibench.vars.VariableManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs one play over its hosts: serial batches, fact gathering, the task sections with handlers
 * flushed after each, blocks with rescue and always, dynamic includes and meta tasks, with the
 * linear strategy (task by task across hosts) or free (each host on its own).
 */
final class PlayRunner {
    private final TaskRunner tasks;
    private final VariableManager variables;
    private final Templar templar;
    private final PlaybookLoader loader;
    private final Callback callback;
    private final RunOptions options;
    private final Stats stats;
    private final ExecutorService pool;
    private final TagFilter tagFilter;
    private final Set<Host> endedHosts = ConcurrentHashMap.newKeySet();
    private final Map<Host, Set<Task>> notified = new ConcurrentHashMap<>();
    private final Map<Host, TaskResult> lastFailure = new ConcurrentHashMap<>();
    private final ThreadLocal<java.util.ArrayDeque<Boolean>> rescueStack = ThreadLocal.withInitial(java.util.ArrayDeque::new);
    /** Parameters of dynamic includes (vars, loop items), found by included tasks up their scope chain. */
    private final Map<Block, Map<String, Object>> includeParamsByBlock = new ConcurrentHashMap<>();
    private volatile boolean startReached;
    private volatile boolean playEnded;
    private Play play;
    private PlayHosts playHosts;

    PlayRunner(TaskRunner tasks, VariableManager variables, Templar templar, PlaybookLoader loader, Callback callback,
               RunOptions options, Stats stats, ExecutorService pool) {
        this.tasks = tasks;
        this.variables = variables;
        this.templar = templar;
        this.loader = loader;
        this.callback = callback;
        this.options = options;
        this.stats = stats;
        this.pool = pool;
        this.tagFilter = new TagFilter(options.tags(), options.skipTags());
        this.startReached = options.startAtTask() == null;
    }

    void run(Play play, List<Host> hosts) {
        this.play = play;
        this.playHosts = new PlayHosts(hosts);
        variables.startPlay(play, playHosts);
        for (List<Host> batch : SerialBatches.split(play.ownKeywords().get("serial"), hosts, templar, variables.forPlayFields(play))) {
            playHosts.startBatch(batch);
            runBatch(batch);
            if (playEnded) {
                break;
            }
        }
    }

    private void runBatch(List<Host> batch) {
        List<Host> active = new ArrayList<>(batch);
        if (gatherFacts()) {
            active.removeAll(section(List.of(gatherTask()), active));
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

    private boolean gatherFacts() {
        Object g = play.ownKeywords().get("gather_facts");
        if (g == null) {
            return true;
        }
        Object v = templar.template(g, variables.forPlayFields(play));
        return v instanceof Boolean b ? b : List.of("yes", "true", "on", "1").contains(String.valueOf(v).toLowerCase());
    }

    private Task gatherTask() {
        Map<String, Object> keywords = new LinkedHashMap<>();
        keywords.put("name", "Gathering Facts");
        if (play.tags().isEmpty()) {
            // as Ansible: the play's tags when it has some (with --tags x a play without x gathers nothing), else always
            keywords.put("tags", List.of("always"));
        }
        Map<String, Object> args = new LinkedHashMap<>();
        if (play.ownKeywords().get("gather_subset") != null) {
            args.put("gather_subset", play.ownKeywords().get("gather_subset"));
        }
        Block holder = new Block(play, Map.of(), play.position());
        return new Task(holder, keywords, play.position(), "setup", args, play.file(), false);
    }

    /** Runs a list of nodes for the hosts with the play's strategy; returns the hosts that failed. */
    private Set<Host> section(List<? extends Node> nodes, List<Host> hosts) {
        Set<Host> failed;
        if ("free".equals(String.valueOf(play.ownKeywords().get("strategy"))) && hosts.size() > 1) {
            failed = ConcurrentHashMap.newKeySet();
            List<Future<?>> running = new ArrayList<>();
            for (Host h : hosts) {
                running.add(pool.submit(() -> failed.addAll(runNodes(nodes, List.of(h)))));
            }
            running.forEach(PlayRunner::await);
        } else {
            failed = runNodes(nodes, hosts);
        }
        failed.forEach(playHosts::markFailed);
        return failed;
    }

    private Set<Host> runNodes(List<? extends Node> nodes, List<Host> hosts) {
        List<Host> alive = new ArrayList<>(hosts);
        Set<Host> failed = new LinkedHashSet<>();
        for (Node node : nodes) {
            alive.removeAll(endedHosts);
            if (alive.isEmpty() || playEnded || !Interruption.mayRun()) {
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
        if (!block.rescue().isEmpty() && !failed.isEmpty() && Interruption.mayRun()) {
            List<Host> rescuing = new ArrayList<>(failed);
            rescuing.forEach(this::exposeFailure);
            Set<Host> stillFailed = inSection(false, () -> runNodes(block.rescue(), rescuing));
            rescuing.stream().filter(h -> !stillFailed.contains(h)).forEach(playHosts::clearFailed);
            failed = new LinkedHashSet<>(stillFailed);
        }
        if (!block.always().isEmpty()) {
            Interruption.enterAlways();
            try {
                failed.addAll(inSection(false, () -> runNodes(block.always(), hosts)));
            } finally {
                Interruption.leaveAlways();
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
    private String bannerName(Task task, List<Host> hosts) {
        String name = task.name();
        if (name == null || !Templar.isTemplate(name) || hosts.isEmpty()) {
            return task.displayName();
        }
        try {
            String templated = String.valueOf(templar.template(name, variables.forTask(hosts.get(0), task, includeParams(task))));
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
        var runtime = variables.state(host).runtimeVars();
        runtime.put("ansible_failed_task", failedTask);
        runtime.put("ansible_failed_result", last.result());
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
            return include(task, hosts);
        }
        callback.taskStart(task, bannerName(task, hosts), task.isHandler());
        boolean runOnce = Boolean.TRUE.equals(templar.template(task.keyword("run_once"), Map.of()))
                || "true".equalsIgnoreCase(String.valueOf(task.keyword("run_once")));
        List<Host> targets = runOnce ? hosts.subList(0, 1) : hosts;
        List<TaskResult> results = execute(task, targets);
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
                notify(task, r.host());
            }
        }
        // a failure a block's rescue will handle does not end the play, as in Ansible
        if (!failed.isEmpty() && truthy(task.keyword("any_errors_fatal")) && !failureWillBeRescued()) {
            playEnded = true;
        }
        if (!failed.isEmpty() && play.ownKeywords().get("max_fail_percentage") != null) {
            double limit = Double.parseDouble(String.valueOf(play.ownKeywords().get("max_fail_percentage")));
            long failedInBatch = playHosts.batch().stream().filter(h -> failed.contains(h) || playHosts.isFailed(h)).count();
            if (100.0 * failedInBatch / playHosts.batch().size() > limit) {
                playEnded = true;
            }
        }
        return failed;
    }

    /** run_once: the one result is reported for the first host and registered for every host. */
    private void shareRegistered(TaskResult first, Task task, List<Host> hosts) {
        Object register = task.ownKeywords().get("register");
        if (register == null) {
            return;
        }
        Object value = variables.state(first.host()).runtimeVars().get(String.valueOf(register));
        for (Host h : hosts.subList(1, hosts.size())) {
            variables.state(h).runtimeVars().put(String.valueOf(register), value);
        }
    }

    /** Runs the task on the hosts, forks at a time (or throttle), results in host order. */
    private List<TaskResult> execute(Task task, List<Host> hosts) {
        if (hosts.size() == 1) {
            return List.of(tasks.run(task, hosts.get(0), includeParams(task)));
        }
        int limit = options.forks();
        Object throttle = task.keyword("throttle");
        if (throttle != null) {
            limit = Math.min(limit, Integer.parseInt(String.valueOf(throttle)));
        }
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(Math.max(1, limit));
        List<Future<TaskResult>> futures = new ArrayList<>();
        for (Host h : hosts) {
            futures.add(pool.submit(() -> {
                slots.acquireUninterruptibly();
                try {
                    return tasks.run(task, h, includeParams(task));
                } finally {
                    slots.release();
                }
            }));
        }
        List<TaskResult> out = new ArrayList<>();
        for (Future<TaskResult> f : futures) {
            out.add(await(f));
        }
        return out;
    }

    /** Include parameters reach included tasks through the scope chain; registered here per task. */
    private Map<String, Object> includeParams(Task task) {
        for (cnibench.playbook.Scope s = task; s != null; s = s.parent()) {
            if (s instanceof Block b) {
                Map<String, Object> p = includeParamsByBlock.get(b);
                if (p != null) {
                    return p;
                }
            }
        }
        return Map.of();
    }

    private void record(TaskResult r) {
        String host = r.host().name();
        switch (r.status()) {
            case OK -> stats.increment(host, "ok");
            case CHANGED -> {
                stats.increment(host, "ok");
                stats.increment(host, "changed");
            }
            case SKIPPED -> stats.increment(host, "skipped");
            case FAILED -> {
                if (r.ignored()) {
                    stats.increment(host, "ok");
                    stats.increment(host, "ignored");
                    if (r.changed()) {
                        stats.increment(host, "changed");
                    }
                } else {
                    stats.increment(host, failureWillBeRescued() ? "rescued" : "failed");
                }
            }
            case UNREACHABLE -> stats.increment(host, r.ignored() ? "skipped" : "unreachable");
        }
        callback.hostResult(r);
    }

    private void notify(Task task, Host host) {
        Object n = task.keyword("notify");
        if (n == null) {
            return;
        }
        for (Object name : n instanceof List<?> l ? l : List.of(n)) {
            String wanted = String.valueOf(templar.template(name, variables.forHost(host)));
            // by name the last handler defined wins (a role applied twice has one copy of it per
            // application, as in Ansible); every handler listening to the topic runs
            List<Task> named = play.handlers().stream().filter(h -> wanted.equals(h.name()) || wanted.equals(h.displayName())).toList();
            List<Task> matching = new ArrayList<>(play.handlers().stream().filter(h -> listens(h, wanted)).toList());
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

    private static boolean listens(Task handler, String name) {
        Object listen = handler.ownKeywords().get("listen");
        return listen != null && (listen instanceof List<?> l ? l.contains(name) : String.valueOf(listen).equals(name));
    }

    /** Runs notified handlers in the order they are defined; returns hosts that failed in them. */
    private Set<Host> flushHandlers(List<Host> hosts) {
        Set<Host> failed = new LinkedHashSet<>();
        for (Task handler : play.handlers()) {
            List<Host> targets = new ArrayList<>();
            for (Host h : hosts) {
                Set<Task> pending = notified.get(h);
                if (pending != null && pending.remove(handler) && !failed.contains(h)) {
                    targets.add(h);
                }
            }
            if (!targets.isEmpty()) {
                failed.addAll(runTask(handler, targets));
            }
        }
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
                    if (tasks.failingCondition(task, variables.forTask(h, task, Map.of())) == null) {
                        endedHosts.add(h);
                    }
                }
            }
            case "clear_facts" -> hosts.forEach(h -> {
                variables.state(h).facts().clear();
                variables.state(h).factsChanged();
            });
            case "clear_host_errors", "noop", "refresh_inventory", "reset_connection", "end_batch" -> {
            }
            default -> throw new SourceError("invalid meta action requested: " + what, task.position());
        }
        return Set.of();
    }

    /**
     * include_tasks / include_role: loaded per host (and loop item) at run time; hosts that include
     * the same file with the same parameters run it together, in the order first seen.
     */
    private Set<Host> include(Task task, List<Host> hosts) {
        Map<String, List<Host>> byTarget = new LinkedHashMap<>();
        Map<String, Block> blocks = new LinkedHashMap<>();
        Map<String, Path> files = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        Set<Host> failed = new LinkedHashSet<>();
        boolean role = Actions.INCLUDE_ROLE.contains(task.action());
        String loopVar = task.loopControl().get("loop_var") == null ? "item" : String.valueOf(task.loopControl().get("loop_var"));
        Object indexVar = task.loopControl().get("index_var");
        for (Host h : hosts) {
            try {
                Map<String, Object> vars = variables.forTask(h, task, includeParams(task));
                List<Object> items = loopItemsUnlessSkipped(task, vars);
                List<Map<String, Object>> loopParams = new ArrayList<>();
                if (items == null) {
                    loopParams.add(Map.of());
                } else {
                    for (Object item : items) {
                        Map<String, Object> p = new LinkedHashMap<>();
                        p.put(loopVar, item);
                        if (indexVar != null) {
                            p.put(String.valueOf(indexVar), loopParams.size());
                        }
                        loopParams.add(p);
                    }
                }
                boolean any = false;
                for (Map<String, Object> params : loopParams) {
                    Map<String, Object> itemVars = cnibench.vars.LayeredVars.over(vars);
                    itemVars.putAll(params);
                    if (tasks.failingCondition(task, itemVars) != null) {
                        continue;
                    }
                    any = true;
                    @SuppressWarnings("unchecked")
                    Map<String, Object> args = (Map<String, Object>) templar.template(task.args(), itemVars);
                    String target = role ? args.get("name") + ":" + args.getOrDefault("tasks_from", "main")
                            : resolveInclude(task, args).toString();
                    String key = target + "|" + params;
                    byTarget.computeIfAbsent(key, k -> new ArrayList<>()).add(h);
                    if (!blocks.containsKey(key)) {
                        blocks.put(key, loadInclude(task, args, role, params));
                        files.put(key, role ? null : Path.of(target));
                        labels.put(key, items == null ? null : PyRepr.str(params.get(loopVar)));
                    }
                }
                if (!any) {
                    callback.taskStart(task, bannerName(task, hosts), task.isHandler());
                    record(new TaskResult(h, task, TaskStatus.SKIPPED, skipped(), false, null, null));
                }
            } catch (RuntimeException e) {
                callback.taskStart(task, bannerName(task, hosts), task.isHandler());
                record(new TaskResult(h, task, TaskStatus.FAILED, TaskRunner.failure(e instanceof SourceError se ? se.render()
                        : TaskRunner.describe(e)), false, null, null));
                failed.add(h);
            }
        }
        byTarget.values().forEach(group -> group.removeAll(failed));
        byTarget.values().removeIf(List::isEmpty);
        for (Map.Entry<String, List<Host>> e : byTarget.entrySet()) {
            callback.taskStart(task, bannerName(task, hosts), task.isHandler());
            if (!role) {
                // include_tasks reports (and counts) an `included:` result; include_role shows only its banner
                callback.included(files.get(e.getKey()), e.getValue().stream().map(Host::name).toList(), labels.get(e.getKey()));
                e.getValue().forEach(h -> stats.increment(h.name(), "ok"));
            }
        }
        for (Map.Entry<String, List<Host>> e : byTarget.entrySet()) {
            // a host that failed in one included file (one loop item) runs none of the later ones
            List<Host> running = e.getValue().stream().filter(h -> !failed.contains(h)).toList();
            if (!running.isEmpty()) {
                failed.addAll(runNodes(List.of(blocks.get(e.getKey())), running));
            }
        }
        return failed;
    }

    /** The include's loop items; a loop over an undefined variable is no error when `when` skips the include. */
    private List<Object> loopItemsUnlessSkipped(Task task, Map<String, Object> vars) {
        try {
            return LoopItems.of(task.ownKeywords(), templar, vars);
        } catch (UndefinedVariableError e) {
            if (tasks.failingCondition(task, vars) == null) {
                throw e;
            }
            return null;
        }
    }

    private Path resolveInclude(Task task, Map<String, Object> args) {
        Object file = args.get("file") != null ? args.get("file") : args.get("_raw_params");
        return PlaybookLoader.resolveTaskFile(task, String.valueOf(file));
    }

    private Block loadInclude(Task task, Map<String, Object> args, boolean role, Map<String, Object> loopParams) {
        Map<String, Object> params = new LinkedHashMap<>(includeParams(task));
        if (task.shortAction().equals("include")) {
            // the old include's key=value parameters are variables of the included tasks
            args.forEach((k, v) -> {
                if (!k.equals("file") && !k.equals("_raw_params")) {
                    params.put(k, v);
                }
            });
        }
        params.putAll(loopParams);
        if (task.ownKeywords().get("vars") instanceof Map<?, ?> v) {
            v.forEach((k, val) -> params.put(String.valueOf(k), val));
        }
        Block block = new Block(task.parent(), Map.of(), task.position());
        if (role) {
            Map<String, Object> vars = new LinkedHashMap<>();
            if (args.get("vars") instanceof Map<?, ?> v) {
                v.forEach((k, val) -> vars.put(String.valueOf(k), val));
            }
            String from = args.get("tasks_from") == null ? "main" : String.valueOf(args.get("tasks_from"));
            // a fresh set: the included role runs even if applied before, and its handlers join the play
            block.block().addAll(loader.applyRole(String.valueOf(args.get("name")), vars, task.position(), block, play, null,
                    from, new java.util.HashSet<>()));
        } else {
            block.block().addAll(loader.parseFile(resolveInclude(task, args), block, task.isHandler(), task.position()));
        }
        includeParamsByBlock.put(block, params);
        return block;
    }

    private static Map<String, Object> skipped() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("changed", false);
        r.put("skip_reason", "Conditional result was False");
        r.put("skipped", true);
        return r;
    }

    private static boolean truthy(Object v) {
        return v instanceof Boolean b ? b : v != null && List.of("yes", "true", "on", "1").contains(String.valueOf(v).toLowerCase());
    }

    private static <T> List<T> concat(List<? extends T> a, List<? extends T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }
}
