package cnibench.module.core;

import cnibench.python.ShellWords;

import cnibench.connection.CommandRequest;
import cnibench.connection.CommandResult;
import cnibench.connection.Connection;
import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The flow of Ansible's command module, which shell shares: chdir, creates/removes, check mode,
 * running, and the result fields (cmd, rc, stdout, stderr, start, end, delta, msg).
 */
final class CommandTask {
    private static final String NO_SUCH_PROGRAM = "[Errno 2] No such file or directory: b'";

    private CommandTask() {
    }

    /**
     * Runs a command line (shell) or argument vector (command) with the arguments both modules take.
     *
     * @param command the shell text, or the argv list
     */
    static ModuleResult run(ModuleContext ctx, Arguments args, Object command, String executable, List<String> warnings)
            throws Exception {
        boolean shell = command instanceof String;
        String chdir = args.str("chdir");
        String creates = args.str("creates");
        String removes = args.str("removes");
        ModuleResult result = emptyResult(command).msg("");
        if (!warnings.isEmpty()) {
            result.put("warnings", warnings);
        }
        Connection connection = ctx.connection();
        if (chdir != null && !Files.isDirectory(connection.path(chdir))) {
            return finish(result.setFailed(true).msg("Unable to change directory before execution: " + NO_SUCH_PROGRAM + chdir + "'"));
        }
        String shoulda = ctx.checkMode() ? "Would" : "Did";
        if (creates != null && HostGlob.exists(connection, chdir, creates)) {
            return finish(result.put("rc", 0).put("stdout", "skipped, since " + creates + " exists")
                    .msg(shoulda + " not run command since '" + creates + "' exists"));
        }
        if (removes != null && !HostGlob.exists(connection, chdir, removes)) {
            return finish(result.put("rc", 0).put("stdout", "skipped, since " + removes + " does not exist")
                    .msg(shoulda + " not run command since '" + removes + "' does not exist"));
        }
        if (ctx.checkMode()) {
            result.put("rc", 0).msg("Command would have run if not in check mode");
            if (creates == null && removes == null) {
                // Ansible: skipped and changed are mutually exclusive
                return finish(ModuleResult.skipped(result.msg()).putAll(result.fields()));
            }
            return finish(result.setChanged(true));
        }
        @SuppressWarnings("unchecked")
        CommandRequest request = shell ? CommandRequest.shell((String) command, executable)
                : CommandRequest.of((List<String>) command);
        if (args.has("stdin")) {
            request = request.withStdin(args.str("stdin") + (args.bool("stdin_add_newline") ? "\n" : ""));
        }
        if (chdir != null) {
            request = request.withChdir(chdir);
        }
        LocalDateTime start = PythonText.now();
        CommandResult ran = connection.exec(request);
        LocalDateTime end = PythonText.now();
        if (!shell && ran.rc() == 127 && ran.stderr().startsWith(NO_SUCH_PROGRAM)) {
            return programNotFound(command, ran.stderr(), warnings);
        }
        boolean strip = args.bool("strip_empty_ends");
        result.setChanged(true)
                .put("rc", ran.rc())
                .put("start", PythonText.datetime(start))
                .put("end", PythonText.datetime(end))
                .put("delta", PythonText.timedelta(Duration.between(start, end)))
                .put("stdout", strip ? PythonText.stripLineEnds(ran.stdout()) : ran.stdout())
                .put("stderr", strip ? PythonText.stripLineEnds(ran.stderr()) : ran.stderr());
        if (ran.rc() != 0) {
            result.setFailed(true).msg("non-zero return code");
        }
        return finish(result);
    }

    /** Ansible fails before running when the program is missing: rc 2 (errno) and a text cmd. */
    @SuppressWarnings("unchecked")
    private static ModuleResult programNotFound(Object command, String message, List<String> warnings) {
        ModuleResult result = ModuleResult.failed(message)
                .put("cmd", ShellWords.join((List<String>) command))
                .put("rc", 2)
                .put("stdout", "")
                .put("stderr", "");
        if (!warnings.isEmpty()) {
            result.put("warnings", warnings);
        }
        return finish(result);
    }

    /** The fields the command module always returns, before anything ran. */
    static ModuleResult emptyResult(Object command) {
        return ModuleResult.changed(false)
                .put("cmd", command)
                .put("stdout", "")
                .put("stderr", "")
                .put("rc", null)
                .put("start", null)
                .put("end", null)
                .put("delta", null);
    }

    /** Adds stdout_lines and stderr_lines, as Ansible does for every result with stdout/stderr. */
    static ModuleResult finish(ModuleResult result) {
        result.put("stdout_lines", PythonText.splitlines(String.valueOf(result.field("stdout"))));
        result.put("stderr_lines", PythonText.splitlines(String.valueOf(result.field("stderr"))));
        return result;
    }

    /** The command text of a free-form task: _raw_params, or the cmd argument. */
    static String commandText(Arguments args) {
        String text = args.str("_raw_params");
        return text != null ? text : args.str("cmd");
    }

    /** Checks for the errors the command module reports before anything else (rc 256). */
    static ModuleResult checkGiven(String text, List<String> argv) {
        boolean noText = text == null || text.isBlank();
        if (noText && argv.isEmpty()) {
            return finish(emptyResult(null).put("rc", 256).setFailed(true).msg("no command given"));
        }
        if (!noText && !argv.isEmpty()) {
            return finish(emptyResult(null).put("rc", 256).setFailed(true).msg("only command or argv can be given, not both"));
        }
        return null;
    }

    /** The arguments command and shell share, as Ansible's command module declares them. */
    static ModuleSpec.Builder commonArguments(ModuleSpec.Builder builder) {
        return builder.freeForm().checkMode()
                .arg(ArgSpec.of("cmd", ArgType.STR, "The command to run, instead of the free form."))
                .arg(ArgSpec.of("chdir", ArgType.PATH, "Change into this directory before running the command."))
                .arg(ArgSpec.of("creates", ArgType.PATH,
                        "A filename or glob pattern; when it already exists, this step is not run."))
                .arg(ArgSpec.of("removes", ArgType.PATH,
                        "A filename or glob pattern; when it does not exist, this step is not run."))
                .arg(ArgSpec.of("stdin", ArgType.STR, "Set the stdin of the command directly to the specified value."))
                .arg(ArgSpec.of("stdin_add_newline", ArgType.BOOL, "Whether to append a newline to stdin data.")
                        .defaultValue(true))
                .arg(ArgSpec.of("strip_empty_ends", ArgType.BOOL,
                        "Strip empty lines from the end of stdout/stderr in the result.").defaultValue(true));
    }

    static List<String> warningsFor(boolean shell, String executable) {
        List<String> warnings = new ArrayList<>();
        if (!shell && executable != null) {
            warnings.add("As of Ansible 2.4, the parameter 'executable' is no longer supported with the 'command' module. Not using '"
                    + executable + "'.");
        }
        return warnings;
    }
}
