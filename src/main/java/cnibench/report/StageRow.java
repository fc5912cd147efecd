package cnibench.report;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One line of stages.csv: what one backend (label) answered in one canary stage. The request,
 * error, rate and latency columns are the stage's, the same on every backend's line.
 *
 * @param group the label columns other than stage and canary_percent (run, scenario, ...)
 */
record StageRow(Map<String, String> group, String stage, double canaryPercent, String label, double responses,
                double share, double shareLow, double shareHigh, double expectedShare, double requests, double errors,
                double requestsPerSecond, double p50Ms, double p90Ms, double p99Ms, double maxMs, double meanMs,
                double durationS, double start, double end) {
    static final String FILE = "stages.csv";
    static final String STAGE = "stage";
    static final String CANARY_PERCENT = "canary_percent";
    private static final Set<String> KNOWN = Set.copyOf(List.of(STAGE, CANARY_PERCENT, "label", "responses", "share",
            "share_ci95_low", "share_ci95_high", "expected_share", "requests", "errors", "requests_per_s", "latency_p50_ms",
            "latency_p90_ms", "latency_p99_ms", "latency_max_ms", "latency_mean_ms", "duration_s", "start", "end"));

    static StageRow fromRow(Map<String, String> row) {
        return new StageRow(Rows.labels(row, KNOWN), Rows.text(row, STAGE), Rows.number(row, CANARY_PERCENT),
                Rows.text(row, "label"), Rows.number(row, "responses"), Rows.number(row, "share"),
                Rows.number(row, "share_ci95_low"), Rows.number(row, "share_ci95_high"), Rows.number(row, "expected_share"),
                Rows.number(row, "requests"), Rows.number(row, "errors"), Rows.number(row, "requests_per_s"),
                Rows.number(row, "latency_p50_ms"), Rows.number(row, "latency_p90_ms"), Rows.number(row, "latency_p99_ms"),
                Rows.number(row, "latency_max_ms"), Rows.number(row, "latency_mean_ms"), Rows.number(row, "duration_s"),
                Rows.number(row, "start"), Rows.number(row, "end"));
    }
}
