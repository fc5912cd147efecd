package cnibench.k8segress;

import cnibench.module.kubernetes.StandIns;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs one of the project's egress playbooks through ./runner with the local inventory, as a user would. */
public final class EgressRunner {
    public static final Path PROJECT = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    public static final Path FIXTURES = PROJECT.resolve("src/test/resources/k8segress");
    private static final long TIMEOUT_SECONDS = 240;

    /** What a finished run left: exit code, output, and its results/<playbook>/<stamp>/ directory (null if none). */
    public record Outcome(int exitCode, String output, Path runDir) {
    }

    private EgressRunner() {
    }

    public static Outcome play(String playbook, List<String> args, StandIns standIns, Map<String, String> env, Path results)
            throws IOException, InterruptedException {
        return play(playbook, "inventory/local", args, standIns, env, results);
    }

    /** The same with another of the project's inventories (inventory/azure). */
    public static Outcome play(String playbook, String inventory, List<String> args, StandIns standIns, Map<String, String> env,
                        Path results) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PROJECT.resolve("runner").toString(), "play", playbook,
                "-i", PROJECT.resolve(inventory).toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        pb.environment().putAll(standIns.environment());
        pb.environment().put("CNIBENCH_RESULTS", results.toString());
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        Path output = Files.createTempFile(results, "output", ".txt");
        pb.redirectOutput(output.toFile());
        Process process = pb.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command) + "\n" + Files.readString(output));
        }
        return new Outcome(process.exitValue(), Files.readString(output), runDir(results.resolve(playbook.replace(".yml", ""))));
    }

    /** Runs a playbook of template tasks (the render tests'), written as work/render.yml, with no stand-ins; it must succeed. */
    public static void render(Path work, String playbook) throws IOException, InterruptedException {
        Files.writeString(work.resolve("render.yml"), playbook);
        Path results = Files.createDirectories(work.resolve("results"));
        Path tools = Files.createDirectories(work.resolve("tools"));
        Outcome run = play(work.resolve("render.yml").toString(), List.of(), StandIns.install(tools, MockClusterScripts.BY_TOOL, List.of()),
                Map.of(), results);
        if (run.exitCode() != 0) {
            throw new AssertionError("rendering failed with exit code " + run.exitCode() + ":\n" + run.output());
        }
    }

    private static Path runDir(Path playbookResults) throws IOException {
        if (!Files.isDirectory(playbookResults)) {
            return null;
        }
        try (Stream<Path> runs = Files.list(playbookResults)) {
            return runs.filter(Files::isDirectory).sorted().reduce((a, b) -> b).orElse(null);
        }
    }
}
