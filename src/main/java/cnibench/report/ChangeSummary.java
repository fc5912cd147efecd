package cnibench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One route change condensed from its timeline buckets: how long the new configuration took to
 * answer, and the requests, errors and worst latency in the buckets recorded around it.
 */
record ChangeSummary(Map<String, String> group, String stage, double fromPercent, double toPercent, double answeredAfter,
                     double firstTRel, double lastTRel, double requests, double errors, double maxP99Ms, double maxMs) {

    static List<ChangeSummary> of(List<Transition> transitions) {
        Map<List<Object>, List<Transition>> byChange = new LinkedHashMap<>();
        transitions.forEach(t -> byChange.computeIfAbsent(t.changeKey(), k -> new ArrayList<>()).add(t));
        List<ChangeSummary> out = new ArrayList<>();
        for (List<Transition> buckets : byChange.values()) {
            Transition first = buckets.get(0);
            out.add(new ChangeSummary(first.group(), first.stage(), first.fromPercent(), first.toPercent(), first.answeredAfter(),
                    min(buckets, Transition::tRel), max(buckets, Transition::tRel), sum(buckets, Transition::requests),
                    sum(buckets, Transition::errors), max(buckets, Transition::p99Ms), max(buckets, Transition::maxMs)));
        }
        return out;
    }

    double errorRate() {
        return requests > 0 ? errors / requests : Double.NaN;
    }

    private static double sum(List<Transition> buckets, ToDoubleFunction<Transition> value) {
        return buckets.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).sum();
    }

    private static double max(List<Transition> buckets, ToDoubleFunction<Transition> value) {
        return buckets.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
    }

    private static double min(List<Transition> buckets, ToDoubleFunction<Transition> value) {
        return buckets.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).min().orElse(Double.NaN);
    }
}
