package cnibench.executor;

import static cnibench.executor.PlaybookHarness.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlayRunnerTest {
    private static final List<String> WEB = List.of(fixture("hosts.ini").toString());

    @Test
    void rescueCountsAsRescuedNotFailedAndAlwaysRuns() {
        var outcome = PlaybookHarness.run(fixture("blocks.yml"));
        assertEquals(0, outcome.exitCode(), outcome.output());
        Map<String, Integer> c = outcome.counters("localhost");
        assertEquals(0, c.get("failed"));
        assertEquals(2, c.get("rescued"));
        assertFalse(outcome.output().contains("never"));
        assertTrue(outcome.output().contains("\"msg\": \"always\""));
    }

    @Test
    void handlersRunOnceForChangedTasksAndListenTopics() {
        var outcome = PlaybookHarness.run(fixture("handlers.yml"));
        assertEquals(0, outcome.exitCode(), outcome.output());
        assertEquals(1, count(outcome.output(), "RUNNING HANDLER [restart]"));
        assertEquals(1, count(outcome.output(), "RUNNING HANDLER [listener]"));
        assertFalse(outcome.output().contains("RUNNING HANDLER [never]"));
    }

    @Test
    void includeRoleHandlersBelongToTheRunNotTheLoadedPlay() {
        var loaded = PlaybookHarness.load(fixture("include_role_handlers.yml"));
        var first = loaded.run(List.of("localhost,"), Map.of(), RunOptions.defaults());
        var second = loaded.run(List.of("localhost,"), Map.of(), RunOptions.defaults());
        assertEquals(0, first.exitCode(), first.output());
        assertEquals(1, count(first.output(), "RUNNING HANDLER [notifier : role handler]"), first.output());
        assertEquals(first.output(), second.output());
        assertEquals(List.of("play handler"), loaded.playbook().plays().get(0).handlers().stream().map(t -> t.name()).toList());
    }

    @Test
    void loopsRegisterEveryItemAndUntilRetries(@TempDir Path work) {
        var outcome = PlaybookHarness.run(fixture("loops.yml"), List.of("localhost,"), Map.of("work_dir", work.toString()),
                RunOptions.defaults());
        assertEquals(0, outcome.exitCode(), outcome.output());
        assertTrue(outcome.output().contains("skipping: [localhost] => (item=b) "));
        assertTrue(outcome.output().contains("FAILED - RETRYING: [localhost]: shell (3 retries left)."));
    }

    @Test
    void aFailedHostLeavesThePlayAndTheOthersGoOn() {
        var outcome = PlaybookHarness.run(fixture("failures.yml"), WEB, Map.of(), RunOptions.defaults());
        assertEquals(PlaybookRunner.FAILED_HOSTS, outcome.exitCode(), outcome.output());
        assertEquals(1, outcome.counters("web2").get("failed"));
        assertEquals(0, outcome.counters("web1").get("failed"));
        assertTrue(outcome.output().contains("fatal: [web2]: FAILED! => {\"changed\": false, \"msg\": \"web2 fails\"}"));
    }

    @Test
    void aTemplatedMaxFailPercentageEndsThePlay() {
        var outcome = PlaybookHarness.run(fixture("max_fail_percentage.yml"), WEB, Map.of(), RunOptions.defaults());
        assertEquals(PlaybookRunner.FAILED_HOSTS, outcome.exitCode(), outcome.output());
        assertFalse(outcome.output().contains("never"), outcome.output());
    }

    @Test
    void serialRunsTheWholePlayPerBatch() {
        var outcome = PlaybookHarness.run(fixture("serial.yml"), WEB, Map.of(), RunOptions.defaults());
        assertEquals(0, outcome.exitCode(), outcome.output());
    }

    @Test
    void anyErrorsFatalStopsEveryHost() {
        var outcome = PlaybookHarness.run(fixture("fatal.yml"), WEB, Map.of(), RunOptions.defaults());
        assertEquals(PlaybookRunner.FAILED_HOSTS, outcome.exitCode());
        assertFalse(outcome.output().contains("not reached"), outcome.output());
    }

    @Test
    void freeStrategyRunsEveryHostToTheEnd() {
        var outcome = PlaybookHarness.run(fixture("free.yml"), WEB, Map.of(), RunOptions.defaults());
        assertEquals(0, outcome.exitCode(), outcome.output());
        for (String h : List.of("web1", "web2", "web3")) {
            assertEquals(2, outcome.counters(h).get("ok"));
        }
    }

    @Test
    void includeTasksTakesVarsAndLoops() {
        var outcome = PlaybookHarness.run(fixture("includes.yml"));
        assertEquals(0, outcome.exitCode(), outcome.output());
        assertEquals(3, count(outcome.output(), "included: " + fixture("included.yml") + " for localhost"));
    }

    @Test
    void checkModeSkipsModulesWithoutCheckSupport() {
        RunOptions check = new RunOptions(true, false, 0, 5, List.of(), List.of(), null, null, null);
        var outcome = PlaybookHarness.run(fixture("handlers.yml"), List.of("localhost,"), Map.of(), check);
        assertTrue(outcome.output().contains("TASK [command]"), outcome.output());
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
