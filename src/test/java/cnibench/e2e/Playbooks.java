package cnibench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a playbook under ansible-playbook (the oracle) or under cnibench, the same way a user would,
 * with a time limit and without colours, retry files or results left in the project.
 */
final class Playbooks {
    static final Path PROJECT = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    static final Path RESOURCES = PROJECT.resolve("src/test/resources");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private Playbooks() {
    }

    /** True when ansible-playbook can be found on PATH. */
    static boolean ansibleAvailable() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "ansible-playbook")));
    }

    static ProcessOutcome ansible(Path playbook, List<String> args, Path resultsDir) {
        List<String> cmd = new ArrayList<>(List.of("ansible-playbook", "-c", "local", playbook.toString()));
        cmd.addAll(args);
        return run(cmd, playbook.getParent(), resultsDir);
    }

    /** Runs cnibench through the project's `runner` script, which (re)builds the jar when needed. */
    static ProcessOutcome cnibench(Path playbook, List<String> args, Path resultsDir) {
        List<String> cmd = new ArrayList<>(List.of(PROJECT.resolve("runner").toString(), "play", playbook.toString()));
        cmd.addAll(args);
        return run(cmd, playbook.getParent(), resultsDir);
    }

    /** Runs with ansible-playbook or cnibench over base/work (given to the playbook as work_dir) and base/results. */
    static ProcessOutcome inWorkDir(Path playbook, List<String> args, Path base, boolean ansible) {
        Path workDir;
        Path results;
        try {
            workDir = Files.createDirectories(base.resolve("work"));
            results = Files.createDirectories(base.resolve("results"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("-e", "work_dir=" + workDir));
        return ansible ? ansible(playbook, all, results) : cnibench(playbook, all, results);
    }

    static ProcessOutcome run(List<String> command, Path workingDir, Path resultsDir) {
        return run(command, workingDir, resultsDir, Map.of());
    }

    static ProcessOutcome run(List<String> command, Path workingDir, Path resultsDir, Map<String, String> extraEnv) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile());
        Map<String, String> env = pb.environment();
        env.putAll(extraEnv);
        env.put("ANSIBLE_NOCOLOR", "1");
        env.put("ANSIBLE_FORCE_COLOR", "0");
        env.put("ANSIBLE_RETRY_FILES_ENABLED", "0");
        env.put("ANSIBLE_LOCALHOST_WARNING", "0");
        env.put("ANSIBLE_PYTHON_INTERPRETER", "auto_silent");
        env.put("CNIBENCH_RESULTS", resultsDir.toString());
        try {
            Path out = Files.createTempFile(resultsDir, "stdout", ".txt");
            Path err = Files.createTempFile(resultsDir, "stderr", ".txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process process = pb.start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("timed out after " + TIMEOUT + ": " + String.join(" ", command));
            }
            return new ProcessOutcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + String.join(" ", command), e);
        }
    }

    /** The playbooks (not roles, tasks or vars files) directly inside a folder, sorted by name. */
    static List<Path> in(Path dir) {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
