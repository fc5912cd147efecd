package cnibench.executor;

import cnibench.callback.Callback;
import cnibench.connection.ConnectionFactory;
import cnibench.inventory.Host;
import cnibench.inventory.HostPattern;
import cnibench.inventory.Inventory;
import cnibench.module.spi.ModuleRegistry;
import cnibench.playbook.Play;
import cnibench.playbook.Playbook;
import cnibench.playbook.IncludeExpander;
import cnibench.template.Templar;
import cnibench.vars.VariableManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Runs the plays of a loaded playbook in order and returns ansible-playbook's exit code. */
public final class PlaybookRunner {
    public static final int OK = 0;
    public static final int FAILED_HOSTS = 2;
    public static final int UNREACHABLE_HOSTS = 4;

    private final ModuleRegistry modules;
    private final Templar templar;
    private final IncludeExpander includeExpander;
    private final VariableManager variables;
    private final Callback callback;
    private final RunOptions options;
    private final Stats stats = new Stats();

    public PlaybookRunner(ModuleRegistry modules, Templar templar, IncludeExpander includeExpander, VariableManager variables,
                          Callback callback, RunOptions options) {
        this.modules = modules;
        this.templar = templar;
        this.includeExpander = includeExpander;
        this.variables = variables;
        this.callback = callback;
        this.options = options;
    }

    public Stats stats() {
        return stats;
    }

    public int run(Playbook playbook) {
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "host-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            callback.playbookStart(playbook.file());
            AlwaysSections always = new AlwaysSections(Interruption::requested);
            TaskKeywords keywords = new TaskKeywords(templar);
            ModuleCall module = new ModuleCall(templar, variables, new ConnectionFactory(options.connection()),
                    options, callback, playbook.file().getParent(), keywords);
            TaskRunner tasks = new TaskRunner(templar, variables, callback, keywords, module, always);
            FactGathering facts = new FactGathering(modules.find("setup").orElseThrow(), templar, variables);
            for (Play play : playbook.plays()) {
                List<Host> hosts = new ArrayList<>(hostsOf(play));
                hosts.removeIf(h -> stats.isDown(h.name()));
                callback.playStart(play, play.name() != null ? play.name() : String.valueOf(templar.template(play.hosts(), variables.forPlayFields(play))));
                if (hosts.isEmpty()) {
                    callback.noHostsMatched();
                    continue;
                }
                new PlayRunner(tasks, facts, variables, templar, includeExpander, callback, options, stats, pool, always).run(play, hosts);
                if (hosts.stream().allMatch(h -> stats.isDown(h.name()))) {
                    break; // as ansible-playbook: when a play loses every host, the playbook ends
                }
            }
            callback.recap(stats);
        } finally {
            pool.shutdownNow();
        }
        if (stats.anyUnreachable()) {
            return UNREACHABLE_HOSTS;
        }
        return stats.anyFailed() ? FAILED_HOSTS : OK;
    }

    /** The play's hosts: its pattern templated, --limit applied, ordered as `order` asks. */
    public List<Host> hostsOf(Play play) {
        Inventory inventory = variables.inventory();
        Object pattern = templar.template(play.hosts(), variables.forPlayFields(play));
        String text = pattern instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList()) : String.valueOf(pattern);
        List<Host> hosts = HostPattern.select(inventory, text);
        if (options.limit() != null) {
            hosts = HostPattern.limit(inventory, hosts, options.limit());
        }
        hosts = new ArrayList<>(hosts);
        String order = play.order();
        if (order != null) {
            switch (order) {
                case "sorted" -> hosts.sort(Comparator.comparing(Host::name));
                case "reverse_sorted" -> hosts.sort(Comparator.comparing(Host::name).reversed());
                case "reverse_inventory" -> Collections.reverse(hosts);
                case "shuffle" -> Collections.shuffle(hosts);
                default -> {
                }
            }
        }
        return hosts;
    }
}
