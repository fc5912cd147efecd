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
    /** The subcommands, in the order help lists them. */
    private static final List<Map.Entry<String, Supplier<Object>>> SUBCOMMANDS = List.of(
            Map.entry("play", PlayCommand::new),
            Map.entry("inventory", InventoryCommand::new),
            Map.entry("doc", DocCommand::new),
            Map.entry("report", ReportCommand::new));

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("play")) {
            Templar.prepareInBackground();
        }
        CommandLine cli = new CommandLine(new Main());
        // picocli builds a command's model by reflecting over its annotations, which costs a cold JVM
        // tens of milliseconds per command: only the one asked for is built (all of them for help)
        String asked = args.length > 0 && SUBCOMMANDS.stream().anyMatch(c -> c.getKey().equals(args[0])) ? args[0] : null;
        SUBCOMMANDS.stream().filter(c -> asked == null || c.getKey().equals(asked))
                .forEach(c -> cli.addSubcommand(c.getValue().get()));
        int code = cli
                // -e @vars.yml names a vars file, as in ansible-playbook, not a file of arguments for picocli
                .setExpandAtFiles(false)
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
