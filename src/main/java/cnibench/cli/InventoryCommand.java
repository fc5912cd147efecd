package cnibench.cli;

import cnibench.inventory.Inventory;
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
        System.out.println(inv.hosts().keySet());
        return 0;
    }
}
