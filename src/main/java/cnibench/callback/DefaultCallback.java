package cnibench.callback;

import cnibench.python.PyJson;

import cnibench.executor.Stats;
import cnibench.executor.TaskResult;
import cnibench.executor.TaskStatus;
import cnibench.playbook.Play;
import cnibench.playbook.Task;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Prints a run the way ansible-playbook's default stdout callback does. */
public final class DefaultCallback implements Callback {
    private static final int COLUMNS = 80;
    private static final Set<String> DEBUG_ALLOWED = Set.of("msg", "exception", "warnings", "deprecations");
    private static final List<String> HIDE_IN_DEBUG = List.of("changed", "failed", "skipped", "invocation", "skip_reason");

    private final PrintStream out;
    private final PrintStream err;
    private final int verbosity;
    private final boolean color;
    private final boolean diff;
    private final Path configFile;
    private Task lastBanner;
    private boolean lastBannerHandler;

    /** @param configFile the config in force, named with -v as ansible-playbook does; null for none */
    public DefaultCallback(PrintStream out, PrintStream err, int verbosity, boolean color, boolean diff, Path configFile) {
        this.diff = diff;
        this.configFile = configFile;
        this.out = out;
        this.err = err;
        this.verbosity = verbosity;
        this.color = color;
    }

    @Override
    public synchronized void playbookStart(Path playbook) {
        if (verbosity > 0) {
            out.println(configFile == null ? "No config file found; using defaults" : "Using " + configFile + " as config file");
        }
    }

    @Override
    public synchronized void playStart(Play play, String name) {
        banner("PLAY [" + name + "]");
        lastBanner = null;
    }

    @Override
    public synchronized void noHostsMatched() {
        out.println(paint("skipping: no hosts matched", Color.CYAN));
    }

    @Override
    public synchronized void taskStart(Task task, String name, boolean handler) {
        if (lastBanner == task) {
            return;
        }
        lastBanner = task;
        lastBannerHandler = handler;
        banner((handler ? "RUNNING HANDLER [" : "TASK [") + name + "]");
    }

    private void ensureBanner(TaskResult r) {
        if (lastBanner != r.task()) {
            taskStart(r.task(), r.task().displayName(), r.task().isHandler());
        }
    }

    @Override
    public synchronized void hostResult(TaskResult r) {
        ensureBanner(r);
        if (r.result().get("results") instanceof List<?> items && !items.isEmpty() && r.task().hasLoop()) {
            return; // loop items were printed as they came
        }
        Map<String, Object> result = clean(r);
        String host = hostLabel(r);
        printDiff(r);
        printWarnings(r);
        switch (r.status()) {
            case OK, CHANGED -> {
                String line = (r.status() == TaskStatus.CHANGED ? "changed: " : "ok: ") + host;
                out.println(paint(withResult(line, result, r), r.status() == TaskStatus.CHANGED ? Color.YELLOW : Color.GREEN));
            }
            case SKIPPED -> {
                result.remove("skipped");
                out.println(paint(verbosity > 0 ? "skipping: " + host + " => " + dump(result, r) : "skipping: " + host, Color.CYAN));
            }
            case FAILED -> {
                out.println(paint("fatal: " + host + ": FAILED! => " + dump(result, r), Color.RED));
                if (r.ignored()) {
                    out.println(paint("...ignoring", Color.CYAN));
                }
            }
            case UNREACHABLE -> {
                out.println(paint("fatal: " + host + ": UNREACHABLE! => " + dump(result, r), Color.BRIGHT_RED));
                if (r.ignored()) {
                    out.println(paint("...ignoring", Color.CYAN));
                }
            }
        }
    }

    @Override
    public synchronized void itemResult(TaskResult r) {
        ensureBanner(r);
        Map<String, Object> result = clean(r);
        String host = hostLabel(r);
        String item = "(item=" + r.itemLabel() + ")";
        switch (r.status()) {
            case OK, CHANGED -> {
                String line = (r.status() == TaskStatus.CHANGED ? "changed: " : "ok: ") + host + " => " + item;
                out.println(paint(withResult(line, result, r), r.status() == TaskStatus.CHANGED ? Color.YELLOW : Color.GREEN));
            }
            case SKIPPED -> {
                String line = "skipping: " + host + " => " + item + " ";
                result.remove("skipped");
                result.remove("changed");
                result.remove("skip_reason");
                out.println(paint(verbosity > 0 ? line + " => " + PyJson.dumps(result, verbosity > 2 ? 4 : null, true) : line, Color.CYAN));
            }
            case FAILED, UNREACHABLE -> {
                out.println(paint("failed: " + host + " " + item + " => " + dump(result, r), Color.RED));
                if (r.ignored()) {
                    out.println(paint("...ignoring", Color.CYAN));
                }
            }
        }
    }

    @Override
    public synchronized void retrying(TaskResult attempt, int retriesLeft) {
        out.println(paint("FAILED - RETRYING: [" + attempt.host().name() + "]: " + attempt.task().displayName()
                + " (" + retriesLeft + " retries left).", Color.RED));
    }

    @Override
    public synchronized void included(Path file, List<String> hosts, String itemLabel) {
        out.println(paint("included: " + file + " for " + String.join(", ", hosts)
                + (itemLabel == null ? "" : " => (item=" + itemLabel + ")"), Color.CYAN));
    }

    @Override
    public synchronized void warning(String message) {
        err.println(paint("[WARNING]: " + message, Color.MAGENTA));
    }

    @Override
    public synchronized void progress(String host, String message) {
        out.println(paint("  [" + host + "] " + message, Color.CYAN));
    }

    @Override
    public synchronized void recap(Stats stats) {
        banner("PLAY RECAP");
        stats.all().forEach((host, c) -> {
            Color hostColor = c.get("failed") > 0 || c.get("unreachable") > 0 ? Color.RED : c.get("changed") > 0 ? Color.YELLOW : Color.GREEN;
            StringBuilder line = new StringBuilder(paint(String.format("%-26s", host), hostColor)).append(" : ");
            line.append(counter("ok", c.get("ok"), Color.GREEN)).append(' ')
                    .append(counter("changed", c.get("changed"), Color.YELLOW)).append(' ')
                    .append(counter("unreachable", c.get("unreachable"), Color.BRIGHT_RED)).append(' ')
                    .append(counter("failed", c.get("failed"), Color.RED)).append(' ')
                    .append(counter("skipped", c.get("skipped"), Color.CYAN)).append(' ')
                    .append(counter("rescued", c.get("rescued"), Color.MAGENTA)).append(' ')
                    .append(counter("ignored", c.get("ignored"), Color.MAGENTA));
            out.println(line);
        });
        out.println();
    }

    private void printWarnings(TaskResult r) {
        if (r.result().get("warnings") instanceof List<?> warnings) {
            warnings.forEach(w -> err.println(paint("[WARNING]: " + w, Color.MAGENTA)));
        }
    }

    private void printDiff(TaskResult r) {
        if (!diff || !(r.result().get("diff") instanceof List<?> diffs) || r.status() == TaskStatus.SKIPPED) {
            return;
        }
        for (Object d : diffs) {
            if (d instanceof Map<?, ?> m) {
                String text = DiffPrinter.render(m);
                if (!text.isEmpty()) {
                    out.print(text);
                    out.println();
                }
            }
        }
    }

    private String counter(String name, int value, Color c) {
        String text = String.format("%s=%-4s", name, value);
        return value > 0 ? paint(text, c) : text;
    }

    private void banner(String text) {
        int stars = Math.max(3, COLUMNS - text.length() - 1);
        out.println();
        out.println(text + " " + "*".repeat(stars));
    }

    private String withResult(String line, Map<String, Object> result, TaskResult r) {
        if (verbosity > 0 || verboseAlways(r)) {
            return line + " => " + dump(result, r);
        }
        return line;
    }

    /** debug and assert results are always shown, indented, as Ansible's _ansible_verbose_always asks. */
    private static boolean verboseAlways(TaskResult r) {
        return r.showsOnlyOutput() || Boolean.TRUE.equals(r.result().get("_ansible_verbose_always"));
    }

    private String dump(Map<String, Object> result, TaskResult r) {
        boolean alwaysVerbose = r.status() == TaskStatus.FAILED ? Boolean.TRUE.equals(r.result().get("_ansible_verbose_always"))
                : verboseAlways(r);
        Integer indent = alwaysVerbose || verbosity > 2 ? 4 : null;
        return PyJson.dumps(result, indent, true);
    }

    /** Drops internal keys, and for a module that shows only its output (debug) everything but that output. */
    private Map<String, Object> clean(TaskResult r) {
        Map<String, Object> result = new LinkedHashMap<>();
        r.result().forEach((k, v) -> {
            if (!k.startsWith("_ansible") && !(k.equals("diff") && verbosity < 3)
                    && !k.equals("invocation") && !k.equals("failed") && !k.equals("warnings")) {
                result.put(k, v);
            }
        });
        if (r.showsOnlyOutput() && r.status() != TaskStatus.FAILED) {
            if (result.containsKey("msg")) {
                result.keySet().removeIf(k -> !DEBUG_ALLOWED.contains(k));
            } else {
                HIDE_IN_DEBUG.forEach(result::remove);
            }
        }
        return result;
    }

    private static String hostLabel(TaskResult r) {
        return r.delegatedTo() != null && !r.delegatedTo().equals(r.host().name())
                ? "[" + r.host().name() + " -> " + r.delegatedTo() + "]" : "[" + r.host().name() + "]";
    }

    private String paint(String text, Color c) {
        return color ? "\u001b[" + c.code + "m" + text + "\u001b[0m" : text;
    }

    private enum Color {
        GREEN("0;32"), YELLOW("0;33"), RED("0;31"), BRIGHT_RED("1;31"), CYAN("0;36"), MAGENTA("0;35");

        private final String code;

        Color(String code) {
            this.code = code;
        }
    }
}
