package cnibench.executor;

import cnibench.python.PyRepr;
import cnibench.callback.Callback;
import cnibench.inventory.Host;
import cnibench.playbook.Actions;
import cnibench.playbook.Block;
import cnibench.playbook.Play;
import cnibench.playbook.IncludeExpander;
import cnibench.playbook.Scope;
import cnibench.playbook.Task;
import cnibench.source.SourceError;
import cnibench.template.Templar;
import cnibench.template.UndefinedVariableError;
import cnibench.vars.LayeredVars;
import cnibench.vars.VariableManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * include_tasks and include_role: the included file or role loaded per host (and loop item) when the
 * include runs, then run for the hosts that included it; its parameters reach the included tasks.
 */
final class IncludeRunner {
    private final PlayRunner runner;
    private final Play play;
    /** The run's handlers, which an included role's join. */
    private final List<Task> handlers;
    private final VariableManager variables;
    private final Templar templar;
    private final TaskKeywords keywords;
    private final IncludeExpander includes;
    private final Callback callback;
    private final Stats stats;
    /** Parameters of dynamic includes (vars, loop items), found by included tasks up their scope chain. */
    private final Map<Block, Map<String, Object>> includeParamsByBlock = new ConcurrentHashMap<>();

    IncludeRunner(PlayRunner runner, Play play, List<Task> handlers, VariableManager variables, Templar templar, TaskKeywords keywords,
                  IncludeExpander includes, Callback callback, Stats stats) {
        this.runner = runner;
        this.play = play;
        this.handlers = handlers;
        this.variables = variables;
        this.templar = templar;
        this.keywords = keywords;
        this.includes = includes;
        this.callback = callback;
        this.stats = stats;
    }

    /** Include parameters reach included tasks through the scope chain; registered here per task. */
    Map<String, Object> paramsOf(Task task) {
        for (Scope s = task; s != null; s = s.parent()) {
            if (s instanceof Block b) {
                Map<String, Object> p = includeParamsByBlock.get(b);
                if (p != null) {
                    return p;
                }
            }
        }
        return Map.of();
    }

    /**
     * include_tasks / include_role: loaded per host (and loop item) at run time; hosts that include
     * the same file with the same parameters run it together, in the order first seen.
     */
    Set<Host> run(Task task, List<Host> hosts) {
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
                Map<String, Object> vars = variables.forTask(h, task, paramsOf(task));
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
                    Map<String, Object> itemVars = LayeredVars.over(vars);
                    itemVars.putAll(params);
                    if (keywords.failingCondition(task, itemVars) != null) {
                        continue;
                    }
                    any = true;
                    @SuppressWarnings("unchecked")
                    Map<String, Object> args = (Map<String, Object>) templar.template(task.args(), itemVars);
                    String target = role ? args.get("name") + ":" + args.getOrDefault("tasks_from", "main")
                            : includes.taskFile(task, args).toString();
                    String key = target + "|" + params;
                    byTarget.computeIfAbsent(key, k -> new ArrayList<>()).add(h);
                    if (!blocks.containsKey(key)) {
                        blocks.put(key, loadInclude(task, args, role, params));
                        files.put(key, role ? null : Path.of(target));
                        labels.put(key, items == null ? null : PyRepr.str(params.get(loopVar)));
                    }
                }
                if (!any) {
                    callback.taskStart(task, runner.bannerName(task, hosts), task.isHandler());
                    runner.record(new TaskResult(h, task, TaskStatus.SKIPPED, Results.skippedByCondition(), false, null, null));
                }
            } catch (RuntimeException e) {
                callback.taskStart(task, runner.bannerName(task, hosts), task.isHandler());
                runner.record(new TaskResult(h, task, TaskStatus.FAILED, Results.failure(e instanceof SourceError se ? se.render()
                        : Results.describe(e)), false, null, null));
                failed.add(h);
            }
        }
        byTarget.values().forEach(group -> group.removeAll(failed));
        byTarget.values().removeIf(List::isEmpty);
        for (Map.Entry<String, List<Host>> e : byTarget.entrySet()) {
            callback.taskStart(task, runner.bannerName(task, hosts), task.isHandler());
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
                failed.addAll(runner.runNodes(List.of(blocks.get(e.getKey())), running));
            }
        }
        return failed;
    }

    /** The include's loop items; a loop over an undefined variable is no error when `when` skips the include. */
    private List<Object> loopItemsUnlessSkipped(Task task, Map<String, Object> vars) {
        try {
            return LoopItems.of(task.ownKeywords(), templar, vars);
        } catch (UndefinedVariableError e) {
            if (keywords.failingCondition(task, vars) == null) {
                throw e;
            }
            return null;
        }
    }

    private Block loadInclude(Task task, Map<String, Object> args, boolean role, Map<String, Object> loopParams) {
        Map<String, Object> params = new LinkedHashMap<>(paramsOf(task));
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
        Block block = includes.expand(task, args, role, play, handlers);
        includeParamsByBlock.put(block, params);
        return block;
    }
}
