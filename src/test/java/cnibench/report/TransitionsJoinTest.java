package cnibench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransitionsJoinTest {
    private static final String TIMELINE = """
            run,stage,canary_percent,t,requests,errors,latency_p50_ms,latency_p99_ms,latency_max_ms,count_stable,count_canary
            1,2,5,100.0,10,0,1,2,3,10,0
            2,2,5,200.4,10,1,1,2,3,8,1
            1,3,25,300.0,10,0,1,2,3,7,3
            """;

    @Test
    void bucketsJoinTheChangeOfTheirStageAndRun() {
        List<Map<String, String>> changes = CsvFiles.parse("""
                run,stage,from_canary_percent,to_canary_percent,changed_at,answered_at
                1,2,0,5,99.9,100.05
                2,2,0,5,200.1,200.2
                """);
        List<Transition> joined = TransitionsJoin.join(CsvFiles.parse(TIMELINE), changes, "canary");

        assertEquals(2, joined.size(), "stage 3 has no change");
        Transition second = joined.get(1);
        assertEquals(Map.of("run", "2"), second.group());
        assertEquals(0.3, second.tRel());
        assertEquals(0.1, second.answeredAfter());
        assertEquals(0.1, second.errorRate());
        assertEquals(1 / 9.0, second.canaryShare(), 1e-12);
        assertEquals(0.15, joined.get(0).answeredAfter());
    }

    @Test
    void aLabelOnlyOneFileHasDoesNotStopTheJoin() {
        List<Map<String, String>> changes = CsvFiles.parse("""
                scenario,stage,from_canary_percent,to_canary_percent,changed_at,answered_at
                canary,3,5,25,299.95,300.1
                """);
        List<Transition> joined = TransitionsJoin.join(CsvFiles.parse(TIMELINE), changes, "canary");
        assertEquals(1, joined.size());
        assertEquals(0.05, joined.get(0).tRel());
        assertEquals(0.3, joined.get(0).canaryShare());
    }

    @Test
    void changeSummaryAddsUpItsBuckets() {
        List<Map<String, String>> changes = CsvFiles.parse("""
                stage,from_canary_percent,to_canary_percent,changed_at,answered_at
                2,0,5,100.2,100.3
                """);
        // changes.csv names no run: the change applies to the buckets of both runs, summarized per run
        List<ChangeSummary> summaries = ChangeSummary.of(TransitionsJoin.join(CsvFiles.parse(TIMELINE), changes, "canary"));
        assertEquals(List.of(Map.of("run", "1"), Map.of("run", "2")), summaries.stream().map(ChangeSummary::group).toList());
        ChangeSummary second = summaries.get(1);
        assertEquals(10, second.requests());
        assertEquals(1, second.errors());
        assertEquals(0.1, second.errorRate());
        assertEquals(100.2, second.firstTRel());
        assertEquals(0.1, second.answeredAfter());
        assertEquals(-0.2, summaries.get(0).lastTRel());
    }
}
