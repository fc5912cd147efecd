package cnibench.cli;

import cnibench.template.Templar;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `runner` command: play, inventory, doc and report. */
@Command(name = "runner", mixinStandardHelpOptions = true, version = "cnibench 0.1.0",
        description = "Runs Ansible playbooks (and the cnibench benchmarks) quickly and faithfully.")
public final class Main {
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = Map.of(
            "play", PlayCommand::new,
            "inventory", InventoryCommand::new,
            "doc", DocCommand::new,
            "report", ReportCommand::new);
    private static final List<String> ORDER = List.of("play", "inventory", "doc", "report");

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("play")) {
            Templar.prepareInBackground();
        }
        CommandLine cli = new CommandLine(new Main());
        // picocli builds a command's model by reflecting over its annotations, which costs a cold JVM
        // tens of milliseconds per command: only the one asked for is built (all of them for help)
        List<String> wanted = args.length > 0 && SUBCOMMANDS.containsKey(args[0]) ? List.of(args[0]) : ORDER;
        wanted.forEach(name -> cli.addSubcommand(SUBCOMMANDS.get(name).get()));
        int code = cli
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
