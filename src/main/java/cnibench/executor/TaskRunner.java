package cnibench.executor;

import cnibench.python.PyRepr;
import cnibench.callback.Callback;
import cnibench.connection.Connection;
import cnibench.connection.ConnectionFactory;
import cnibench.connection.TaskConnection;
import cnibench.connection.UnsupportedConnectionException;
import cnibench.inventory.Host;
import cnibench.inventory.Inventory;
import cnibench.module.spi.ArgumentException;
import cnibench.module.spi.ArgumentValidator;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.Module;
import cnibench.module.spi.ModuleRegistry;
import cnibench.module.spi.ModuleResult;
import cnibench.playbook.Task;
import cnibench.source.ErrorContext;
import cnibench.template.TemplateError;
import cnibench.template.Templar;
import cnibench.template.UndefinedVariableError;
import cnibench.vars.HostState;
import cnibench.vars.LayeredVars;
import cnibench.vars.VariableManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one task on one host: conditions, loop items, templated and validated arguments, the module
 * (with until/retries and async), changed_when/failed_when, register, and the facts it returns.
 */
final class TaskRunner {
    private static final String CENSORED = "the output has been hidden due to the fact that 'no_log: true' was specified for this result";

    private final ModuleRegistry modules;
    private final Templar templar;
    private final VariableManager variables;
    private final ConnectionFactory connections;
    private final RunOptions options;
    private final Callback callback;
    private final Path playbookDir;

    TaskRunner(ModuleRegistry modules, Templar templar, VariableManager variables, ConnectionFactory connections,
               RunOptions options, Callback callback, Path playbookDir) {
        this.modules = modules;
        this.templar = templar;
        this.variables = variables;
        this.connections = connections;
        this.options = options;
        this.callback = callback;
        this.playbookDir = playbookDir;
    }

    TaskResult run(Task task, Host host, Map<String, Object> includeParams) {
        Map<String, Object> vars;
        try {
            vars = variables.forTask(host, task, includeParams);
        } catch (RuntimeException e) {
            return finish(task, host, failureFor(e, task), null);
        }
        String delegate = null;
        try {
            List<Object> items;
            try {
                items = LoopItems.of(task.ownKeywords(), templar, vars);
            } catch (UndefinedVariableError e) {
                // as Ansible: a loop over an undefined variable fails only if the task's conditions hold
                if (conditionsFail(task, vars)) {
                    return finish(task, host, skippedByCondition(), null);
                }
                return finish(task, host, loopFailure(e), null);
            }
            delegate = items == null ? delegateOf(task, vars) : null;
            Map<String, Object> result = items == null ? runSingle(task, host, vars, delegate)
                    : runLoop(task, host, vars, items, delegate, includeParams);
            return finish(task, host, result, delegate);
        } catch (UnsupportedConnectionException e) {
            Map<String, Object> r = failure(e.getMessage());
            r.put("unreachable", true);
            return new TaskResult(host, task, TaskStatus.UNREACHABLE, r, false, delegate, null);
        } catch (RuntimeException e) {
            return finish(task, host, failureFor(e, task), delegate);
        }
    }

    private Map<String, Object> runSingle(Task task, Host host, Map<String, Object> vars, String delegate) {
        String falseCondition = failingCondition(task, vars);
        if (falseCondition != null) {
            return skippedByCondition();
        }
        return execute(task, host, vars, delegate);
    }

    private Map<String, Object> runLoop(Task task, Host host, Map<String, Object> vars, List<Object> items, String delegate,
                                        Map<String, Object> includeParams) {
        Map<String, Object> control = task.loopControl();
        String loopVar = control.get("loop_var") == null ? "item" : String.valueOf(control.get("loop_var"));
        String indexVar = control.get("index_var") == null ? null : String.valueOf(control.get("index_var"));
        double pause = number(templar.template(control.get("pause"), vars), 0);
        boolean extended = Boolean.TRUE.equals(templar.template(control.get("extended"), vars));
        List<Object> results = new ArrayList<>();
        boolean anyChanged = false;
        boolean anyFailed = false;
        boolean allSkipped = true;
        Map<String, Object> loopVars = vars;
        for (int i = 0; i < items.size(); i++) {
            if (!Interruption.mayRun()) {
                break;
            }
            if (i > 0 && pause > 0) {
                sleep((long) (pause * 1000));
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
                itemDelegate = delegateOf(task, itemVars);
                r = failingCondition(task, itemVars) != null ? skippedByCondition() : execute(task, host, itemVars, itemDelegate);
            } catch (UnsupportedConnectionException e) {
                r = failure(e.getMessage());
                r.put("unreachable", true);
            } catch (TemplateError e) {
                throw e; // as in Ansible, an item that cannot be templated fails the whole task
            } catch (RuntimeException e) {
                r = failure(describe(e));
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
            TaskResult itemResult = finish(task, host, r, itemDelegate);
            callback.itemResult(new TaskResult(host, task, itemResult.status(), censor(task, vars, r), itemResult.ignored(), itemDelegate,
                    label != null ? label : PyRepr.str(item)));
            results.add(r);
            anyChanged |= Boolean.TRUE.equals(r.get("changed"));
            anyFailed |= Boolean.TRUE.equals(r.get("failed"));
            allSkipped &= Boolean.TRUE.equals(r.get("skipped"));
        }
        Map<String, Object> aggregate = new LinkedHashMap<>();
        aggregate.put("results", results);
        aggregate.put("changed", anyChanged);
        if (anyFailed) {
            aggregate.put("failed", true);
            aggregate.put("msg", "One or more items failed");
        } else if (items.isEmpty()) {
            aggregate.put("skipped", true);
            aggregate.put("skipped_reason", "No items in the list");
        } else if (allSkipped) {
            aggregate.put("skipped", true);
            aggregate.put("msg", "All items skipped");
        } else {
            aggregate.put("msg", "All items completed");
        }
        aggregate.put("_cnibench_loop", true);
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

    /** Runs the module for one item (or the task), repeating while `until` is false. */
    private Map<String, Object> execute(Task task, Host host, Map<String, Object> vars, String delegate) {
        Object until = task.ownKeywords().get("until");
        int retries = until == null ? 1 : retriesOf(task, vars);
        double delay = number(templar.template(task.ownKeywords().get("delay"), vars), 5);
        Map<String, Object> result = null;
        for (int attempt = 1; attempt <= retries; attempt++) {
            if (attempt > 1 && !Interruption.mayRun()) {
                break;
            }
            result = executeOnce(task, host, vars, delegate);
            if (until == null) {
                return result;
            }
            result.put("attempts", attempt);
            // as Ansible: changed_when and failed_when decide each attempt before until looks at it
            if (task.ownKeywords().get("changed_when") != null || task.ownKeywords().get("failed_when") != null) {
                result = judged(task, withRegistered(task, vars, result), result);
            }
            if (templar.evaluateCondition(until, withRegistered(task, vars, result))) {
                return result;
            }
            if (attempt < retries && Interruption.mayRun()) {
                callback.retrying(new TaskResult(host, task, TaskStatus.FAILED, result, false, delegate, null), retries - attempt);
                sleep((long) (delay * 1000));
            }
        }
        result.put("failed", true);
        result.put("attempts", retries - 1);
        return result;
    }

    private int retriesOf(Task task, Map<String, Object> vars) {
        Object r = templar.template(task.ownKeywords().get("retries"), vars);
        int retries = r == null ? 3 : (int) number(r, 3);
        return retries <= 0 ? 1 : retries + 1;
    }

    private Map<String, Object> executeOnce(Task task, Host host, Map<String, Object> vars, String delegate) {
        Module module = modules.find(task.action()).orElseThrow(() -> new TaskFailure("cnibench has no module '"
                + task.action() + "': ansible-playbook has it, cnibench does not implement it"));
        boolean check = flag(task, "check_mode", vars, options.check());
        boolean diff = flag(task, "diff", vars, options.diff());
        if (check && !module.spec().supportsCheckMode()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("changed", false);
            r.put("msg", "remote module (" + module.spec().name() + ") does not support check mode");
            r.put("skipped", true);
            return r;
        }
        if (module.spec().name().equals("debug") && debugAboveVerbosity(task, vars)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("changed", false);
            r.put("skipped_reason", "Verbosity threshold not met.");
            r.put("skipped", true);
            return r;
        }
        Map<String, Object> rawArgs = templateArgs(task, vars);
        Arguments args;
        try {
            args = ArgumentValidator.validate(module.spec(), rawArgs);
        } catch (ArgumentException e) {
            return failure(e.getMessage());
        }
        Map<String, Object> connectionVars = delegate == null ? vars : delegateVars(delegate);
        Connection connection = new TaskConnection(connections.open(delegate == null ? host.name() : delegate, connectionVars),
                environment(task, vars), becomeUser(task, vars));
        TaskContext context = new TaskContext(host.name(), connection, vars, templar, task, check, diff, playbookDir, callback);
        int async = (int) number(templar.template(task.ownKeywords().get("async"), vars), 0);
        if (async > 0) {
            int poll = (int) number(templar.template(task.ownKeywords().get("poll"), vars), 15);
            return poll == 0 ? startAsync(module, context, args) : runWithTimeout(module, context, args, async);
        }
        Map<String, Object> result = invoke(module, context, args);
        applyFacts(module, host, result);
        return result;
    }

    private static Map<String, Object> invoke(Module module, TaskContext context, Arguments args) {
        try {
            ModuleResult r = module.run(context, args);
            return new LinkedHashMap<>(r.toMap());
        } catch (TemplateError e) {
            return failure(describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure("interrupted");
        } catch (Exception e) {
            return failure(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private Map<String, Object> startAsync(Module module, TaskContext context, Arguments args) {
        String id = AsyncJobs.instance().start(() -> invoke(module, context, args));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ansible_job_id", id);
        r.put("changed", true);
        r.put("finished", 0);
        r.put("results_file", "");
        r.put("started", 1);
        return r;
    }

    private static Map<String, Object> runWithTimeout(Module module, TaskContext context, Arguments args, int seconds) {
        Future<Map<String, Object>> f = java.util.concurrent.CompletableFuture.supplyAsync(() -> invoke(module, context, args));
        try {
            return f.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return failure("async task did not complete within the requested time - " + seconds + "s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure("interrupted");
        } catch (ExecutionException e) {
            return failure(String.valueOf(e.getCause().getMessage()));
        }
    }

    /** Puts what set_fact, include_vars and fact-returning modules produced where its precedence says. */
    private void applyFacts(Module module, Host host, Map<String, Object> result) {
        if (Boolean.TRUE.equals(result.get("failed"))) {
            return;
        }
        HostState state = variables.state(host);
        if (result.get("ansible_facts") instanceof Map<?, ?> facts) {
            String name = module.spec().name();
            synchronized (state) {
                if (name.equals("set_fact")) {
                    facts.forEach((k, v) -> state.runtimeVars().put(String.valueOf(k), v));
                    if (Boolean.TRUE.equals(result.get("_ansible_facts_cacheable"))) {
                        facts.forEach((k, v) -> state.facts().put(String.valueOf(k), v));
                        state.factsChanged();
                    }
                } else if (name.equals("include_vars")) {
                    facts.forEach((k, v) -> state.includedVars().put(String.valueOf(k), v));
                } else {
                    facts.forEach((k, v) -> {
                        String key = String.valueOf(k);
                        if (!key.startsWith("ansible_")) {
                            state.bareNames().add(key);
                        }
                        state.facts().put(key.startsWith("ansible_") ? key.substring(8) : key, v);
                    });
                    state.factsChanged();
                }
            }
        }
        if (result.get("add_host") instanceof Map<?, ?> add) {
            addHost(add);
        }
        if (result.get("add_group") != null) {
            groupBy(host, String.valueOf(result.get("add_group")), result.get("parent_groups"));
        }
    }

    private void addHost(Map<?, ?> add) {
        Inventory inv = variables.inventory();
        synchronized (inv) {
            Host h = inv.hostOrCreate(String.valueOf(add.get("host_name")));
            if (add.get("host_vars") instanceof Map<?, ?> hv) {
                hv.forEach((k, v) -> h.vars().put(String.valueOf(k), v));
            }
            if (add.get("groups") instanceof List<?> groups) {
                groups.forEach(g -> inv.addToGroup(h, inv.groupOrCreate(String.valueOf(g))));
            }
            inv.reconcile();
            variables.inventoryChanged();
        }
    }

    private void groupBy(Host host, String group, Object parents) {
        Inventory inv = variables.inventory();
        synchronized (inv) {
            var g = inv.groupOrCreate(group);
            inv.addToGroup(host, g);
            if (parents instanceof List<?> ps) {
                for (Object p : ps) {
                    if (!String.valueOf(p).equals("all")) {
                        inv.link(inv.groupOrCreate(String.valueOf(p)), g);
                    }
                }
            }
            inv.reconcile();
            variables.inventoryChanged();
        }
    }

    /** changed_when, failed_when, ignore_errors, register and no_log applied; the status decided. */
    private TaskResult finish(Task task, Host host, Map<String, Object> result, String delegate) {
        Map<String, Object> vars = null;
        boolean loop = Boolean.TRUE.equals(result.remove("_cnibench_loop"));
        boolean unreachable = Boolean.TRUE.equals(result.get("unreachable"));
        Object changedWhen = task.ownKeywords().get("changed_when");
        Object failedWhen = task.ownKeywords().get("failed_when");
        boolean skipped = Boolean.TRUE.equals(result.get("skipped"));
        if (!loop && !skipped && !unreachable && (changedWhen != null || failedWhen != null)) {
            vars = withRegistered(task, variables.forTask(host, task, Map.of()), result);
            result = judged(task, vars, result);
        }
        boolean failed = Boolean.TRUE.equals(result.get("failed"));
        if (failed && !loop && !result.containsKey("msg")) {
            result.put("msg", "");
        }
        TaskStatus status = unreachable ? TaskStatus.UNREACHABLE : failed ? TaskStatus.FAILED
                : skipped ? TaskStatus.SKIPPED : Boolean.TRUE.equals(result.get("changed")) ? TaskStatus.CHANGED : TaskStatus.OK;
        Object register = task.ownKeywords().get("register");
        if (register != null) {
            Map<String, Object> registered = new LinkedHashMap<>();
            result.forEach((k, v) -> {
                if (!k.startsWith("_ansible")) {
                    registered.put(k, v);
                }
            });
            variables.state(host).runtimeVars().put(String.valueOf(register), registered);
        }
        boolean ignored = false;
        if (status == TaskStatus.FAILED) {
            Map<String, Object> v = vars != null ? vars : safeVars(host, task);
            ignored = v != null && flag(task, "ignore_errors", v, false);
        }
        if (status == TaskStatus.UNREACHABLE) {
            Map<String, Object> v = vars != null ? vars : safeVars(host, task);
            ignored = v != null && flag(task, "ignore_unreachable", v, false);
        }
        return new TaskResult(host, task, status, censor(task, vars, result), ignored, delegate, null);
    }

    /** The result with changed_when and failed_when applied (vars hold the registered result). */
    private Map<String, Object> judged(Task task, Map<String, Object> vars, Map<String, Object> result) {
        Object changedWhen = task.ownKeywords().get("changed_when");
        Object failedWhen = task.ownKeywords().get("failed_when");
        try {
            if (changedWhen != null) {
                result.put("changed", allTrue(changedWhen, vars));
            }
            if (failedWhen != null) {
                boolean failed = allTrue(failedWhen, vars);
                result.put("failed_when_result", failed);
                result.put("failed", failed);
            }
            return result;
        } catch (RuntimeException e) {
            return failure(describe(e));
        }
    }

    private Map<String, Object> safeVars(Host host, Task task) {
        try {
            return variables.forTask(host, task, Map.of());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Map<String, Object> censor(Task task, Map<String, Object> vars, Map<String, Object> result) {
        Object noLog = task.keyword("no_log");
        if (noLog == null) {
            return result;
        }
        boolean hide = noLog instanceof Boolean b ? b : templar.evaluateCondition(noLog, vars == null ? Map.of() : vars);
        if (!hide) {
            return result;
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("censored", CENSORED);
        c.put("changed", result.get("changed"));
        if (result.containsKey("failed")) {
            c.put("failed", result.get("failed"));
        }
        if (result.containsKey("skipped")) {
            c.put("skipped", result.get("skipped"));
        }
        return c;
    }

    private boolean allTrue(Object conditions, Map<String, Object> vars) {
        for (Object c : conditions instanceof List<?> l ? l : List.of(conditions)) {
            if (!templar.evaluateCondition(c, vars)) {
                return false;
            }
        }
        return true;
    }

    private Map<String, Object> withRegistered(Task task, Map<String, Object> vars, Map<String, Object> result) {
        Object register = task.ownKeywords().get("register");
        if (register == null) {
            return vars;
        }
        Map<String, Object> v = LayeredVars.over(vars);
        v.put(String.valueOf(register), result);
        return v;
    }

    /** Whether a condition is false; one that cannot be evaluated (it uses the item) leaves the loop's error to report. */
    private boolean conditionsFail(Task task, Map<String, Object> vars) {
        try {
            return failingCondition(task, vars) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The first condition of the task (and its blocks) that is false, or null when all hold. */
    String failingCondition(Task task, Map<String, Object> vars) {
        for (Object c : task.conditions()) {
            if (!templar.evaluateCondition(c, vars)) {
                return String.valueOf(c);
            }
        }
        return null;
    }

    private static Map<String, Object> skippedByCondition() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("changed", false);
        r.put("skip_reason", "Conditional result was False");
        r.put("skipped", true);
        return r;
    }

    private Map<String, Object> templateArgs(Task task, Map<String, Object> vars) {
        Object templated = templar.template(task.args(), vars);
        @SuppressWarnings("unchecked")
        Map<String, Object> args = (Map<String, Object>) dropOmitted(templated);
        return args;
    }

    /** Removes values equal to `omit` at any depth, as Ansible does before calling a module. */
    private static Object dropOmitted(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                if (!Templar.OMIT.equals(v)) {
                    out.put(String.valueOf(k), dropOmitted(v));
                }
            });
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.stream().filter(v -> !Templar.OMIT.equals(v)).forEach(v -> out.add(dropOmitted(v)));
            return out;
        }
        return value;
    }

    private boolean debugAboveVerbosity(Task task, Map<String, Object> vars) {
        Object v = templar.template(task.args().get("verbosity"), vars);
        return v != null && number(v, 0) > options.verbosity();
    }

    private String delegateOf(Task task, Map<String, Object> vars) {
        Object d = task.keyword("delegate_to");
        return d == null ? null : String.valueOf(templar.template(d, vars));
    }

    private Map<String, Object> delegateVars(String delegate) {
        Host h = variables.inventory().host(delegate);
        if (h == null) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("inventory_hostname", delegate);
            return v;
        }
        return variables.forHost(h);
    }

    private Map<String, String> environment(Task task, Map<String, Object> vars) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Object e : task.environments()) {
            Object templated = templar.template(e, vars);
            if (!(templated instanceof Map<?, ?> m)) {
                throw new TaskFailure("environment must be a dictionary, got: " + templated);
            }
            m.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
        }
        return env;
    }

    private String becomeUser(Task task, Map<String, Object> vars) {
        if (!flag(task, "become", vars, false)) {
            return null;
        }
        Object user = task.keyword("become_user");
        if (user == null) {
            user = vars.get("ansible_become_user");
        }
        return user == null ? "root" : String.valueOf(templar.template(user, vars));
    }

    private boolean flag(Task task, String keyword, Map<String, Object> vars, boolean fallback) {
        Object v = task.keyword(keyword);
        if (v == null) {
            return fallback;
        }
        Object t = templar.template(v, vars);
        if (t instanceof Boolean b) {
            return b;
        }
        String s = String.valueOf(t).trim().toLowerCase();
        return s.equals("true") || s.equals("yes") || s.equals("on") || s.equals("1");
    }

    private static double number(Object v, double fallback) {
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static Map<String, Object> failure(String msg) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("changed", false);
        r.put("failed", true);
        r.put("msg", msg);
        return r;
    }

    /** Ansible reports an undefined loop with the bare message, twice (Jinja's and its own). */
    private static Map<String, Object> loopFailure(UndefinedVariableError e) {
        return templatingFailure(e.getMessage() + ". " + e.getMessage());
    }

    /**
     * The result of an error while templating the task. An undefined variable is reported as Ansible reports it: its
     * message twice (Jinja's and Ansible's), then where the task was written, and no "changed".
     */
    private static Map<String, Object> failureFor(RuntimeException e, Task task) {
        if (!(e instanceof UndefinedVariableError undefined)) {
            return failure(describe(e));
        }
        String context = ErrorContext.of(task.position());
        return templatingFailure(describe(undefined) + ". " + undefined.getMessage() + (context.isEmpty() ? "" : "\n\n" + context));
    }

    /** What Ansible returns when templating the task raised: failed and the message, no "changed". */
    private static Map<String, Object> templatingFailure(String msg) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("failed", true);
        r.put("msg", msg);
        return r;
    }

    /** A message for an error in templating or evaluation, worded as Ansible words it. */
    static String describe(RuntimeException e) {
        if (e instanceof UndefinedVariableError u) {
            return "The task includes an option with an undefined variable. The error was: " + u.getMessage();
        }
        if (e instanceof TemplateError) {
            return "template error: " + e.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
