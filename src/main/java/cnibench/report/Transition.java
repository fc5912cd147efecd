package cnibench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One line of transitions.csv: a 100 ms bucket of the load around one route change, timed from
 * the moment the change was issued.
 *
 * @param group         the timeline's label columns other than stage and canary_percent (run, ...)
 * @param tRel          seconds from changed_at to the bucket's start (negative: before the change)
 * @param errorRate     errors / requests; NaN without requests
 * @param canaryShare   the canary's share of the answered requests; NaN when nothing was answered
 * @param answeredAfter seconds from changed_at until the new configuration first answered
 */
record Transition(Map<String, String> group, String stage, double fromPercent, double toPercent, double tRel,
                  double requests, double errors, double errorRate, double canaryShare, double p50Ms, double p99Ms,
                  double maxMs, double answeredAfter) {
    static final String FILE = "transitions.csv";
    static final List<String> COLUMNS = List.of("stage", "from_canary_percent", "to_canary_percent", "t_rel", "requests",
            "errors", "error_rate", "canary_share", "latency_p50_ms", "latency_p99_ms", "latency_max_ms", "answered_after_s");

    /** The change this bucket belongs to. */
    List<Object> changeKey() {
        return List.of(group, stage, fromPercent, toPercent);
    }

    /** transitions.csv's header: the label columns first, as in every tidy CSV of a run. */
    static List<String> header(List<Transition> rows) {
        Set<String> labels = new LinkedHashSet<>();
        rows.forEach(r -> labels.addAll(r.group().keySet()));
        List<String> out = new ArrayList<>(labels);
        out.addAll(COLUMNS);
        return out;
    }

    Map<String, Object> toRow() {
        Map<String, Object> row = new LinkedHashMap<>(group);
        row.put("stage", stage);
        row.put("from_canary_percent", round(fromPercent, 3));
        row.put("to_canary_percent", round(toPercent, 3));
        row.put("t_rel", round(tRel, 3));
        row.put("requests", round(requests, 0));
        row.put("errors", round(errors, 0));
        row.put("error_rate", round(errorRate, 6));
        row.put("canary_share", round(canaryShare, 6));
        row.put("latency_p50_ms", round(p50Ms, 3));
        row.put("latency_p99_ms", round(p99Ms, 3));
        row.put("latency_max_ms", round(maxMs, 3));
        row.put("answered_after_s", round(answeredAfter, 3));
        return row;
    }

    /** Rounded for the CSV; an unknown figure is an empty cell. */
    private static Double round(double value, int decimals) {
        if (Double.isNaN(value)) {
            return null;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
