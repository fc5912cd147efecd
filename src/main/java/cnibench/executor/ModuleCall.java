package cnibench.executor;

import cnibench.callback.Callback;
import cnibench.connection.Connection;
import cnibench.connection.ConnectionFactory;
import cnibench.connection.TaskConnection;
import cnibench.inventory.Host;
import cnibench.module.spi.ArgumentException;
import cnibench.module.spi.ArgumentValidator;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.Module;
import cnibench.module.spi.ModuleResult;
import cnibench.playbook.Task;
import cnibench.template.TemplateError;
import cnibench.template.Templar;
import cnibench.vars.VariableManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One call of a task's module on one host: check mode, arguments templated and validated, the
 * connection (delegate, environment, become), async, and the result's effects applied.
 */
final class ModuleCall {
    private final Templar templar;
    private final VariableManager variables;
    private final ConnectionFactory connections;
    private final RunOptions options;
    private final Callback callback;
    private final Path playbookDir;
    private final TaskKeywords keywords;
    private final ResultEffects effects;

    ModuleCall(Templar templar, VariableManager variables, ConnectionFactory connections,
               RunOptions options, Callback callback, Path playbookDir, TaskKeywords keywords) {
        this.templar = templar;
        this.variables = variables;
        this.connections = connections;
        this.options = options;
        this.callback = callback;
        this.playbookDir = playbookDir;
        this.keywords = keywords;
        this.effects = new ResultEffects(variables);
    }

    Map<String, Object> run(Task task, Host host, Map<String, Object> vars, String delegate) {
        Module module = task.module().orElseThrow(() -> new TaskFailure("cnibench has no module '"
                + task.action() + "': ansible-playbook has it, cnibench does not implement it"));
        boolean check = keywords.flag(task, "check_mode", vars, options.check());
        boolean diff = keywords.flag(task, "diff", vars, options.diff());
        if (check && !module.spec().supportsCheckMode()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("changed", false);
            r.put("msg", "remote module (" + module.spec().name() + ") does not support check mode");
            r.put("skipped", true);
            return r;
        }
        Map<String, Object> rawArgs = templateArgs(task, vars);
        Arguments args;
        try {
            args = ArgumentValidator.validate(module.spec(), rawArgs);
        } catch (ArgumentException e) {
            return Results.failure(e.getMessage());
        }
        Map<String, Object> connectionVars = delegate == null ? vars : delegateVars(delegate);
        Connection connection = new TaskConnection(connections.open(delegate == null ? host.name() : delegate, connectionVars),
                environment(task, vars), becomeUser(task, vars));
        TaskContext context = new TaskContext(host.name(), connection, vars, templar, task, check, diff, playbookDir, callback);
        int async = (int) keywords.number(task, "async", vars, 0);
        if (async > 0) {
            int poll = (int) keywords.number(task, "poll", vars, 15);
            return poll == 0 ? startAsync(module, context, args) : runWithTimeout(module, context, args, async);
        }
        ModuleResult result = invoke(module, context, args);
        effects.apply(host, result);
        return new LinkedHashMap<>(result.toMap());
    }

    /** Whether the terminal shows only the task's module output (debug), as its spec asks. */
    boolean showsOnlyOutput(Task task) {
        return task.module().map(m -> m.spec().showsOnlyOutput()).orElse(false);
    }

    private static ModuleResult invoke(Module module, TaskContext context, Arguments args) {
        try {
            return module.run(context, args);
        } catch (TemplateError e) {
            return ModuleResult.failed(Results.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ModuleResult.failed("interrupted");
        } catch (Exception e) {
            return ModuleResult.failed(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** The dictionary a module's result registers, for results no effect is applied from (async). */
    private static Map<String, Object> invokeForMap(Module module, TaskContext context, Arguments args) {
        return new LinkedHashMap<>(invoke(module, context, args).toMap());
    }

    private Map<String, Object> startAsync(Module module, TaskContext context, Arguments args) {
        String id = AsyncJobs.instance().start(() -> invokeForMap(module, context, args));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ansible_job_id", id);
        r.put("changed", true);
        r.put("finished", 0);
        r.put("results_file", "");
        r.put("started", 1);
        return r;
    }

    private static Map<String, Object> runWithTimeout(Module module, TaskContext context, Arguments args, int seconds) {
        Future<Map<String, Object>> f = CompletableFuture.supplyAsync(() -> invokeForMap(module, context, args));
        try {
            return f.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return Results.failure("async task did not complete within the requested time - " + seconds + "s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Results.failure("interrupted");
        } catch (ExecutionException e) {
            return Results.failure(String.valueOf(e.getCause().getMessage()));
        }
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
        if (!keywords.flag(task, "become", vars, false)) {
            return null;
        }
        Object user = task.keyword("become_user");
        if (user == null) {
            user = vars.get("ansible_become_user");
        }
        return user == null ? "root" : String.valueOf(templar.template(user, vars));
    }
}
