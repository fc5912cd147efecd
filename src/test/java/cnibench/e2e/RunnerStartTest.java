package cnibench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The `runner` script as a user starts it: every subcommand is reachable although only the invoked one is built,
 * and the start-up archive matches the JVM it runs on (an AOT cache on JDK 25+, class data on older ones).
 */
class RunnerStartTest {
    private static final Path RUNNER = Playbooks.PROJECT.resolve("runner");
    private static final Path TARGET = Playbooks.PROJECT.resolve("target");

    @Test
    void helpListsEveryCommandAndOtherCommandsRun(@TempDir Path results) {
        ProcessOutcome help = Playbooks.run(List.of(RUNNER.toString(), "--help"), Playbooks.PROJECT, results);
        assertEquals(0, help.exitCode(), help.all());
        for (String command : List.of("play", "inventory", "doc", "report")) {
            assertTrue(help.stdout().contains("  " + command + " "), command + " missing in:\n" + help.all());
        }
        ProcessOutcome inventory = Playbooks.run(List.of(RUNNER.toString(), "inventory", "-i", "web1,", "--list"),
                Playbooks.PROJECT, results);
        assertEquals(0, inventory.exitCode(), inventory.all());
        assertTrue(inventory.stdout().contains("\"web1\""), inventory.all());
        ProcessOutcome unknown = Playbooks.run(List.of(RUNNER.toString(), "plya", "x.yml"), Playbooks.PROJECT, results);
        assertEquals(5, unknown.exitCode(), unknown.all());
    }

    @Test
    void aJdkOlderThan25RunsWithAClassDataArchive(@TempDir Path results) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        assumeTrue(Runtime.version().feature() < 25, "the tests' own JVM is the old one to try");
        ProcessOutcome run = Playbooks.run(List.of(RUNNER.toString(), "play", "empty.yml"),
                Playbooks.PROJECT.resolve("bench/playbooks"), results, Map.of("CNIBENCH_JAVA", java.toString()));
        assertEquals(0, run.exitCode(), run.all());
        assertTrue(run.stdout().contains("PLAY RECAP"), run.all());
        assertTrue(Files.isRegularFile(TARGET.resolve("cnibench.jsa")), "no class-data archive after a run on " + java);
    }

    @Test
    void anInstalledJdk25RunsWithAnAotCache(@TempDir Path results) throws IOException {
        assumeTrue(jdk25Installed(), "no JDK 25 or later in /usr/lib/jvm");
        ProcessOutcome run = Playbooks.run(List.of(RUNNER.toString(), "play", "empty.yml"),
                Playbooks.PROJECT.resolve("bench/playbooks"), results, Map.of("JAVA_HOME", ""));
        assertEquals(0, run.exitCode(), run.all());
        try (Stream<Path> files = Files.list(TARGET)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().matches("cnibench-jdk\\d+\\.aot")),
                    "no AOT cache in " + TARGET);
        }
    }

    private static boolean jdk25Installed() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return false;
        }
        try (Stream<Path> dirs = Files.list(jvms)) {
            return dirs.map(d -> d.resolve("release")).filter(Files::isRegularFile).anyMatch(RunnerStartTest::feature25OrLater);
        }
    }

    private static boolean feature25OrLater(Path release) {
        try {
            return Files.readAllLines(release).stream().filter(l -> l.startsWith("JAVA_VERSION="))
                    .map(l -> l.replaceAll("JAVA_VERSION=\"(\\d+).*", "$1")).anyMatch(v -> Integer.parseInt(v) >= 25);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }
}
