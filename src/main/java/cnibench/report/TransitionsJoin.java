package cnibench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins timeline.csv (100 ms buckets while a route changes) with changes.csv (when each change was
 * issued and first answered) into {@link Transition}s. A bucket joins the change with the same
 * stage and the same values in every other label column the two files share (e.g. run).
 */
final class TransitionsJoin {
    static final String TIMELINE = "timeline.csv";
    static final String CHANGES = "changes.csv";
    private static final String COUNT_PREFIX = "count_";
    private static final Set<String> TIMELINE_VALUES = Set.of("t", "requests", "errors", "latency_p50_ms",
            "latency_p99_ms", "latency_max_ms");
    private static final Set<String> CHANGE_VALUES = Set.of("from_canary_percent", "to_canary_percent", "changed_at",
            "answered_at");

    private TransitionsJoin() {
    }

    /** One transition per timeline bucket that has its change, in timeline order. */
    static List<Transition> join(List<Map<String, String>> timeline, List<Map<String, String>> changes, String canaryLabel) {
        if (timeline.isEmpty() || changes.isEmpty()) {
            return List.of();
        }
        List<String> shared = new ArrayList<>(Rows.labels(changes.get(0), CHANGE_VALUES).keySet());
        shared.retainAll(timeline.get(0).keySet());
        Map<Map<String, String>, Map<String, String>> changeByKey = new LinkedHashMap<>();
        changes.forEach(change -> changeByKey.put(project(change, shared), change));
        List<Transition> out = new ArrayList<>();
        for (Map<String, String> bucket : timeline) {
            Map<String, String> change = changeByKey.get(project(bucket, shared));
            if (change != null) {
                out.add(transition(bucket, change, canaryLabel));
            }
        }
        return out;
    }

    private static Map<String, String> project(Map<String, String> row, List<String> columns) {
        Map<String, String> key = new LinkedHashMap<>();
        columns.forEach(column -> key.put(column, Rows.text(row, column)));
        return key;
    }

    private static Transition transition(Map<String, String> bucket, Map<String, String> change, String canaryLabel) {
        double changedAt = Rows.number(change, "changed_at");
        double requests = Rows.number(bucket, "requests");
        double errors = Rows.number(bucket, "errors");
        double canary = 0;
        double answered = 0;
        for (Map.Entry<String, String> cell : bucket.entrySet()) {
            if (cell.getKey().startsWith(COUNT_PREFIX) && !cell.getValue().isBlank()) {
                double count = Rows.number(bucket, cell.getKey());
                answered += count;
                if (cell.getKey().equals(COUNT_PREFIX + canaryLabel)) {
                    canary = count;
                }
            }
        }
        Map<String, String> group = Rows.labels(bucket, TIMELINE_VALUES);
        group.keySet().removeIf(c -> c.startsWith(COUNT_PREFIX) || c.equals(StageRow.STAGE) || c.equals(StageRow.CANARY_PERCENT));
        return new Transition(group, Rows.text(bucket, StageRow.STAGE), Rows.number(change, "from_canary_percent"),
                Rows.number(change, "to_canary_percent"), millis(Rows.number(bucket, "t") - changedAt), requests, errors,
                requests > 0 ? errors / requests : Double.NaN, answered > 0 ? canary / answered : Double.NaN,
                Rows.number(bucket, "latency_p50_ms"), Rows.number(bucket, "latency_p99_ms"),
                Rows.number(bucket, "latency_max_ms"), millis(Rows.number(change, "answered_at") - changedAt));
    }

    /** Rounded to the millisecond: a difference of two epoch doubles carries noise in the 7th decimal. */
    private static double millis(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
