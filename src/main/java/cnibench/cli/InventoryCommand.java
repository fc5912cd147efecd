package cnibench.cli;

import cnibench.inventory.Inventory;
import cnibench.inventory.InventoryPrinter;
import cnibench.source.SourceError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `runner inventory`: what ansible-inventory --list, --graph and --host print. */
@Command(name = "inventory", mixinStandardHelpOptions = true, description = "Show the inventory as Ansible sees it.")
final class InventoryCommand implements Callable<Integer> {
    @Option(names = {"-i", "--inventory"})
    List<String> inventory = new ArrayList<>();
    @Option(names = "--list")
    boolean list;
    @Option(names = "--graph")
    boolean graph;
    @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "GROUP", description = "group to graph")
    String graphGroup;
    @Option(names = "--host")
    String host;

    @Override
    public Integer call() {
        Project project = new Project();
        Inventory inv;
        try {
            inv = project.inventory(inventory);
        } catch (SourceError e) {
            System.err.println("ERROR! " + e.render());
            return PlayCommand.PARSE_ERROR;
        }
        InventoryPrinter printer = new InventoryPrinter(inv);
        try {
            if (host != null) {
                System.out.println(printer.host(host));
            } else if (graph) {
                System.out.print(printer.graph(graphGroup == null ? "all" : graphGroup));
            } else if (list) {
                System.out.println(printer.list());
            } else {
                System.err.println("ERROR! No action selected, at least one of --host, --graph or --list needs to be specified.");
                return PlayCommand.OPTIONS_ERROR;
            }
        } catch (SourceError e) {
            System.err.println("ERROR! " + e.render());
            return 1;
        }
        return 0;
    }
}
