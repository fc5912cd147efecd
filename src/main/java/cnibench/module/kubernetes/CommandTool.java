package cnibench.module.kubernetes;

import cnibench.connection.CommandRequest;
import cnibench.connection.CommandResult;
import cnibench.module.spi.ModuleContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A command-line tool (kind, helm, docker) on the task's host, found before anything is created so a
 * missing tool is one clear error rather than a half-built environment.
 */
final class CommandTool {
    private final ModuleContext context;
    private final String program;

    private CommandTool(ModuleContext context, String program) {
        this.context = context;
        this.program = program;
    }

    /**
     * The tool at an explicit path, or found on the host's PATH.
     *
     * @param module the module asking, named in the error
     */
    static CommandTool require(ModuleContext context, String module, String name, String explicitPath)
            throws IOException, InterruptedException {
        if (explicitPath != null) {
            CommandResult test = context.connection().exec(CommandRequest.of(List.of("test", "-x", explicitPath)));
            if (!test.ok()) {
                throw new K8sTaskError(module + " needs the '" + name + "' command, which is not executable at " + explicitPath);
            }
            return new CommandTool(context, explicitPath);
        }
        CommandResult found = context.connection().exec(CommandRequest.of(List.of("/bin/sh", "-c", "command -v \"$1\"", "sh", name)));
        if (!found.ok() || found.stdout().isBlank()) {
            throw new K8sTaskError(module + " needs the '" + name + "' command, which is not on PATH");
        }
        return new CommandTool(context, found.stdout().strip());
    }

    CommandResult run(List<String> args) throws IOException, InterruptedException {
        return context.connection().exec(CommandRequest.of(argv(args)));
    }

    List<String> argv(List<String> args) {
        List<String> argv = new ArrayList<>();
        argv.add(program);
        argv.addAll(args);
        return argv;
    }

    /** The command as one line, for results and messages. */
    String commandLine(List<String> args) {
        return String.join(" ", argv(args));
    }

    /** "kind create cluster failed (rc 1): ERROR: failed to create cluster: ..." from the last line of stderr. */
    static String failure(String what, CommandResult result) {
        String text = result.stderr().isBlank() ? result.stdout() : result.stderr();
        String[] lines = text.strip().split("\n");
        return what + " failed (rc " + result.rc() + ")" + (text.isBlank() ? "" : ": " + lines[lines.length - 1].strip());
    }
}
