package cnibench.cli;

import cnibench.callback.CompositeCallback;
import cnibench.callback.DefaultCallback;
import cnibench.callback.RunRecord;
import cnibench.config.ConfigException;
import cnibench.executor.Interruption;
import cnibench.executor.PlaybookRunner;
import cnibench.executor.RunOptions;
import cnibench.inventory.Inventory;
import cnibench.inventory.VarsFiles;
import cnibench.module.spi.ModuleRegistry;
import cnibench.playbook.IncludeExpander;
import cnibench.playbook.Play;
import cnibench.playbook.Playbook;
import cnibench.playbook.PlaybookLoader;
import cnibench.source.SourceError;
import cnibench.template.Templar;
import cnibench.vars.VariableManager;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `runner play`: ansible-playbook's options, the same output and exit codes. */
@Command(name = "play", mixinStandardHelpOptions = true, description = "Run one or more playbooks.")
final class PlayCommand implements Callable<Integer> {
    static final int PARSE_ERROR = 4;
    static final int OPTIONS_ERROR = 5;

    @Parameters(arity = "1..*", paramLabel = "PLAYBOOK")
    List<String> playbooks;
    @Option(names = {"-i", "--inventory", "--inventory-file"}, description = "inventory host path or comma separated host list")
    List<String> inventory = new ArrayList<>();
    @Option(names = {"-e", "--extra-vars"}, description = "key=value, @file or YAML/JSON")
    List<String> extraVars = new ArrayList<>();
    @Option(names = {"-c", "--connection"})
    String connection;
    @Option(names = {"-l", "--limit"})
    String limit;
    @Option(names = {"-t", "--tags"}, split = ",")
    List<String> tags = new ArrayList<>();
    @Option(names = "--skip-tags", split = ",")
    List<String> skipTags = new ArrayList<>();
    @Option(names = {"-C", "--check"})
    boolean check;
    @Option(names = {"-D", "--diff"})
    boolean diff;
    @Option(names = "-v", description = "verbose mode (-vvv for more)")
    boolean[] verbose = new boolean[0];
    @Option(names = {"-f", "--forks"})
    Integer forks;
    @Option(names = "--syntax-check")
    boolean syntaxCheck;
    @Option(names = "--list-tasks")
    boolean listTasks;
    @Option(names = "--list-hosts")
    boolean listHosts;
    @Option(names = "--list-tags")
    boolean listTags;
    @Option(names = "--start-at-task")
    String startAtTask;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        Project project = new Project();
        Map<String, Object> extra;
        Inventory inv;
        Playbook playbook;
        List<Playbook> files = new ArrayList<>();
        ModuleRegistry modules = ModuleRegistry.load();
        Templar templar = new Templar();
        PlaybookLoader loader;
        try {
            extra = ExtraVars.parse(extraVars, project.cwd);
            List<Path> rolesPath = new ArrayList<>(project.config.rolesPath());
            if (project.home != null) {
                rolesPath.add(project.home.resolve("roles"));
            }
            loader = new PlaybookLoader(modules, templar, rolesPath, message -> err.println("[WARNING]: " + message), extra);
            inv = project.inventory(inventory);
            playbook = loadAll(project, loader, files);
        } catch (SourceError e) {
            err.println("ERROR! " + e.render());
            return PARSE_ERROR;
        } catch (ConfigException e) {
            err.println("ERROR! " + e.getMessage());
            return OPTIONS_ERROR;
        }
        if (syntaxCheck) {
            out.println();
            out.println("playbook: " + String.join(" ", playbooks));
            return 0;
        }
        RunOptions options = new RunOptions(check, diff, verbose.length, forks != null ? forks : project.config.forks(),
                tags, skipTags, limit, startAtTask, connection);
        Map<String, Object> magic = runMagic(project, playbook, inv, options);
        VariableManager variables = new VariableManager(inv, extra, magic, templar, playbook.file().getParent());
        DefaultCallback terminal = new DefaultCallback(out, err, options.verbosity(),
                System.console() != null && System.getenv("ANSIBLE_NOCOLOR") == null, options.diff(), project.config.file());
        if (listHosts || listTasks || listTags) {
            PlaybookRunner lister = new PlaybookRunner(modules, templar, new IncludeExpander(loader), variables, terminal, options);
            PlaybookListing listing = new PlaybookListing(out, lister, templar, variables);
            for (int i = 0; i < files.size(); i++) {
                listing.print(files.get(i), playbooks.get(i), listHosts, listTasks, listTags);
            }
            return 0;
        }
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("playbook", playbook.file().toString());
        given.put("inventory", project.inventorySources(inventory));
        given.put("extra_vars", extra);
        given.put("check", check);
        given.put("revision", project.revision());
        given.put("inventory_vars", pinnedVars(inv));
        RunRecord record = RunRecord.create(project.resultsRoot(), baseName(playbook.file()), given);
        magic.put("cnibench_run_dir", record.dir().toString());
        PlaybookRunner runner = new PlaybookRunner(modules, templar, new IncludeExpander(loader), variables,
                new CompositeCallback(List.of(terminal, record)), options);
        java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (finished.getCount() > 0) {
                err.println("\n[ERROR]: User interrupted execution; running the always sections before stopping");
                Interruption.request();
                cnibench.connection.RunningProcesses.instance().destroyAll();
                awaitQuietly(finished);
            }
        }));
        try {
            return runner.run(playbook);
        } catch (SourceError e) {
            err.println("ERROR! " + e.render());
            return 1;
        } finally {
            finished.countDown();
        }
    }

    private Playbook loadAll(Project project, PlaybookLoader loader, List<Playbook> files) {
        List<Play> plays = new ArrayList<>();
        Path first = null;
        for (String name : playbooks) {
            Path file = project.playbook(name);
            if (!Files.isRegularFile(file)) {
                throw new SourceError("the playbook: " + name + " could not be found", null);
            }
            Playbook pb = loader.load(file);
            files.add(pb);
            first = first == null ? pb.file() : first;
            plays.addAll(pb.plays());
        }
        return new Playbook(first, plays);
    }

    private Map<String, Object> runMagic(Project project, Playbook playbook, Inventory inv, RunOptions options) {
        Map<String, Object> magic = new LinkedHashMap<>();
        magic.put("playbook_dir", playbook.file().getParent().toString());
        magic.put("ansible_check_mode", options.check());
        magic.put("ansible_diff_mode", options.diff());
        magic.put("ansible_forks", options.forks());
        magic.put("ansible_verbosity", options.verbosity());
        magic.put("ansible_run_tags", options.tags().isEmpty() ? List.of("all") : options.tags());
        magic.put("ansible_skip_tags", options.skipTags());
        magic.put("ansible_limit", options.limit());
        magic.put("ansible_version", Map.of("full", "2.14.18", "major", 2, "minor", 14, "revision", 18, "string", "2.14.18"));
        magic.put("ansible_playbook_python", playbookPython());
        magic.put("ansible_config_file", project.config.file() == null ? null : project.config.file().toString());
        magic.put("ansible_inventory_sources", project.inventorySources(inventory));
        if (!inv.sourceDirs().isEmpty()) {
            magic.put("inventory_dir", inv.sourceDirs().get(0).toString());
        }
        magic.put("cnibench_home", project.home == null ? project.cwd.toString() : project.home.toString());
        return magic;
    }

    /**
     * ansible_playbook_python: the Python that ansible-playbook would run with, the first python3 on PATH
     * (cnibench itself runs no Python; roles read this to call python on the controller).
     */
    private static String playbookPython() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "python3");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return "/usr/bin/python3";
    }

    /** What the inventory pins for every host (group all: versions, sizes, durations), for the run record. */
    private static Map<String, Object> pinnedVars(Inventory inv) {
        Map<String, Object> pinned = new LinkedHashMap<>(inv.all().vars());
        VarsFiles files = new VarsFiles();
        inv.sourceDirs().forEach(dir -> pinned.putAll(files.groupVars(dir, "all")));
        return pinned;
    }

    private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(10, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String baseName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
