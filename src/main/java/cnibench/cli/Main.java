package cnibench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `runner` command: play, inventory, doc and report. */
@Command(name = "runner", mixinStandardHelpOptions = true, version = "cnibench 0.1.0",
        description = "Runs Ansible playbooks (and the cnibench benchmarks) quickly and faithfully.",
        subcommands = {PlayCommand.class, InventoryCommand.class, DocCommand.class, ReportCommand.class})
public final class Main {

    public static void main(String[] args) {
        int code = new CommandLine(new Main())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("ERROR! " + e.getMessage());
                    return 1;
                })
                .setParameterExceptionHandler((e, args1) -> {
                    e.getCommandLine().getErr().println("ERROR! " + e.getMessage());
                    e.getCommandLine().usage(e.getCommandLine().getErr());
                    return 5;
                })
                .execute(args);
        System.out.flush();
        System.exit(code);
    }
}
