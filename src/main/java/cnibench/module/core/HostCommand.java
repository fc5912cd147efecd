package cnibench.module.core;

import cnibench.connection.CommandRequest;
import cnibench.connection.CommandResult;
import cnibench.module.spi.ModuleContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one program with its arguments on the task's host, for the modules that wrap a system tool.
 * The program is looked up by a shell in the task's environment, so that `environment: {PATH: ...}`
 * picks it, as Ansible's modules find their tools on the PATH they run with.
 */
final class HostCommand {
    private HostCommand() {
    }

    static CommandResult run(ModuleContext ctx, List<String> argv) throws IOException, InterruptedException {
        List<String> viaShell = new ArrayList<>(List.of("/bin/sh", "-c", "exec \"$0\" \"$@\""));
        viaShell.addAll(argv);
        return ctx.connection().exec(CommandRequest.of(viaShell));
    }

    /** True when the host has the program on its PATH. */
    static boolean exists(ModuleContext ctx, String program) throws IOException, InterruptedException {
        return ctx.connection().exec(CommandRequest.shell("command -v " + program, null)).ok();
    }
}
