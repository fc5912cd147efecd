package cnibench.executor;

import cnibench.callback.DefaultCallback;
import cnibench.inventory.Inventory;
import cnibench.inventory.InventoryLoader;
import cnibench.module.spi.ModuleRegistry;
import cnibench.playbook.IncludeExpander;
import cnibench.playbook.Playbook;
import cnibench.playbook.PlaybookLoader;
import cnibench.template.Templar;
import cnibench.vars.VariableManager;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a playbook in this JVM and keeps what it printed, for executor tests. */
final class PlaybookHarness {
    record Outcome(int exitCode, String output, Stats stats) {
        Map<String, Integer> counters(String host) {
            return stats.hostCounters(host);
        }
    }

    /** A playbook loaded once, which may be run more than once. */
    record Loaded(ModuleRegistry modules, Templar templar, PlaybookLoader loader, Playbook playbook) {
        Outcome run(List<String> inventory, Map<String, Object> extraVars, RunOptions options) {
            Inventory inv = InventoryLoader.load(inventory, playbook.file().getParent());
            Map<String, Object> magic = new LinkedHashMap<>();
            magic.put("playbook_dir", playbook.file().getParent().toString());
            magic.put("ansible_check_mode", options.check());
            VariableManager variables = new VariableManager(inv, new LinkedHashMap<>(extraVars), magic, templar,
                    playbook.file().getParent());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            PlaybookRunner runner = new PlaybookRunner(modules, templar, new IncludeExpander(loader), variables,
                    new DefaultCallback(out, out, options.verbosity(), false, options.diff(), null), options);
            int code = runner.run(playbook);
            return new Outcome(code, bytes.toString(StandardCharsets.UTF_8), runner.stats());
        }
    }

    static Loaded load(Path playbook) {
        ModuleRegistry modules = ModuleRegistry.load();
        Templar templar = new Templar();
        PlaybookLoader loader = new PlaybookLoader(modules, templar, List.of());
        return new Loaded(modules, templar, loader, loader.load(playbook));
    }

    static Outcome run(Path playbook, List<String> inventory, Map<String, Object> extraVars, RunOptions options) {
        return load(playbook).run(inventory, extraVars, options);
    }

    static Outcome run(Path playbook) {
        return run(playbook, List.of("localhost,"), Map.of(), RunOptions.defaults());
    }

    static Path fixture(String name) {
        return Path.of("src/test/resources/executor").resolve(name).toAbsolutePath();
    }
}
