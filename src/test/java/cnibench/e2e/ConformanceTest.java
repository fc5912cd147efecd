package cnibench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every self-asserting playbook under conformance/ passes under ansible-playbook (which proves the
 * playbook right) and under cnibench, with the same PLAY RECAP counters for every host.
 */
class ConformanceTest {
    static final Path DIR = Playbooks.RESOURCES.resolve("conformance");

    static Stream<String> playbooks() {
        return Playbooks.in(DIR).stream().map(p -> p.getFileName().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("playbooks")
    void runsLikeAnsible(String name, @TempDir Path tmp) throws IOException {
        Path playbook = DIR.resolve(name);
        PlaybookHeader header = PlaybookHeader.of(playbook);
        Map<String, String> expected = null;
        if (Playbooks.ansibleAvailable()) {
            expected = runAll(playbook, header, tmp.resolve("ansible"), true);
        }
        Map<String, String> actual = runAll(playbook, header, tmp.resolve("cnibench"), false);
        if (expected != null) {
            assertEquals(expected, actual, "PLAY RECAP of cnibench vs ansible-playbook for " + playbook.getFileName());
        }
    }

    /** Runs the playbook header.runs() times over one work_dir; returns the first run's recap. */
    private static Map<String, String> runAll(Path playbook, PlaybookHeader header, Path base, boolean ansible)
            throws IOException {
        Path workDir = Files.createDirectories(base.resolve("work"));
        Path results = Files.createDirectories(base.resolve("results"));
        List<String> args = new ArrayList<>(header.args());
        args.addAll(List.of("-e", "work_dir=" + workDir));
        String who = ansible ? "ansible-playbook" : "cnibench";
        Map<String, String> first = null;
        for (int run = 1; run <= header.runs(); run++) {
            ProcessOutcome outcome = ansible
                    ? Playbooks.ansible(playbook, args, results)
                    : Playbooks.cnibench(playbook, args, results);
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
