package cnibench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every self-asserting playbook under conformance/ passes under ansible-playbook (which proves the
 * playbook right) and under cnibench, with the same PLAY RECAP counters for every host.
 * A playbook's first comment lines may hold extra arguments and a run count, see {@link PlaybookHeader}.
 */
class ConformanceTest {
    static final Path DIR = Playbooks.RESOURCES.resolve("conformance");

    static Stream<String> playbooks() {
        return Playbooks.in(DIR).stream().map(p -> p.getFileName().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("playbooks")
    void runsLikeAnsible(String name, @TempDir Path tmp) throws Throwable {
        Path playbook = DIR.resolve(name);
        PlaybookHeader header = PlaybookHeader.of(playbook);
        // The oracle runs beside cnibench, each in its own work dir, to keep the suite's wall time down.
        CompletableFuture<Map<String, String>> oracle = Playbooks.ansibleAvailable()
                ? CompletableFuture.supplyAsync(() -> runAll(playbook, header, tmp.resolve("ansible"), true))
                : null;
        Map<String, String> actual;
        try {
            actual = runAll(playbook, header, tmp.resolve("cnibench"), false);
        } catch (AssertionError e) {
            if (oracle != null) {
                await(oracle); // when ansible fails too, the playbook is wrong: report that instead
            }
            throw e;
        }
        if (oracle != null) {
            assertEquals(await(oracle), actual, "PLAY RECAP of cnibench vs ansible-playbook for " + name);
        }
    }

    private static <T> T await(CompletableFuture<T> future) throws Throwable {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause();
        }
    }

    /** Runs the playbook header.runs() times over one work_dir; returns the first run's recap. */
    private static Map<String, String> runAll(Path playbook, PlaybookHeader header, Path base, boolean ansible) {
        String who = ansible ? "ansible-playbook" : "cnibench";
        Map<String, String> first = null;
        for (int run = 1; run <= header.runs(); run++) {
            ProcessOutcome outcome = Playbooks.inWorkDir(playbook, header.args(), base, ansible);
            assertEquals(0, outcome.exitCode(), who + " run " + run + " of " + playbook.getFileName() + " failed:\n" + outcome.all());
            Map<String, String> recap = Recap.parse(outcome.stdout());
            assertFalse(recap.isEmpty(), who + " printed no PLAY RECAP:\n" + outcome.all());
            if (run > 1) {
                recap.forEach((host, counters) -> assertEquals(0, Recap.counter(counters, "changed"),
                        who + " changed something on the repeated run for " + host + ":\n" + outcome.stdout()));
            }
            first = first == null ? recap : first;
        }
        return first;
    }
}
