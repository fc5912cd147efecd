package cnibench.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One run of a lab playbook (egress-lab.yml unless named) with the lab's inventory as `./runner play` starts it (cnibench.cli.Main with the
 * project as cnibench home), on the test class path so that no jar has to be built, with its
 * results under a temporary CNIBENCH_RESULTS.
 */
record LabRun(int exitCode, String output, Path resultsRoot, String playbook) {
    static final Path HOME = Path.of("").toAbsolutePath();
    private static final long TIMEOUT_MINUTES = 8;

    static LabRun play(Path resultsRoot, String... extraVars) throws IOException, InterruptedException {
        return play("egress-lab", resultsRoot, extraVars);
    }

    static LabRun play(String playbook, Path resultsRoot, String... extraVars) throws IOException, InterruptedException {
        return play(playbook, resultsRoot, Map.of(), extraVars);
    }

    /** With more environment variables for the runner (a stand-in program first on PATH). */
    static LabRun play(String playbook, Path resultsRoot, Map<String, String> env, String... extraVars)
            throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dcnibench.home=" + HOME, "cnibench.cli.Main",
                "play", "playbooks/" + playbook + ".yml", "-i", "inventory/lab"));
        for (String v : extraVars) {
            argv.add("-e");
            argv.add(v);
        }
        Path log = Files.createTempFile(resultsRoot, "run", ".log");
        ProcessBuilder pb = new ProcessBuilder(argv).directory(HOME.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("CNIBENCH_RESULTS", resultsRoot.toString());
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroy();
            p.waitFor(2, TimeUnit.MINUTES);
            throw new IOException("the " + playbook + " run did not end within " + TIMEOUT_MINUTES + " minutes: " + Files.readString(log));
        }
        return new LabRun(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), resultsRoot, playbook);
    }

    /**
     * The output with its failed tasks' lines first: a CI log keeps only the start and the end of a long message, and
     * the reason a run failed sits in its middle.
     */
    String diagnosis() {
        List<String> failures = output.lines().filter(l -> l.startsWith("fatal: ") || l.startsWith("failed: ")).toList();
        return "failed: " + (failures.isEmpty() ? "(no task failed)" : String.join("\n", failures)) + "\n" + output;
    }

    /** results/<playbook>/<UTC timestamp>/ of this run. */
    Path runDir() throws IOException {
        try (Stream<Path> dirs = Files.list(resultsRoot.resolve(playbook))) {
            return dirs.filter(Files::isDirectory).sorted().reduce((a, b) -> b)
                    .orElseThrow(() -> new IOException("no run directory under " + resultsRoot));
        }
    }
}
