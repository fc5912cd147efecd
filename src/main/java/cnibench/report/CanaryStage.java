package cnibench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One stage of a canary rollout as the report shows it: the configured canary share against the
 * observed one with its 95 % interval, and the stage's load figures.
 *
 * @param observed share of answered requests the canary answered (0..1)
 */
record CanaryStage(Map<String, String> group, String stage, double configuredPercent, double observed, double low,
                   double high, double canaryResponses, double responses, double requests, double errors,
                   double requestsPerSecond, double p50Ms, double p90Ms, double p99Ms, double maxMs) {
    /** Room for the configured share printed with a few decimals in a CSV; far below any interval's width. */
    private static final double EPSILON = 1e-9;

    /** One stage per (group, stage) in the order stages.csv lists them. */
    static List<CanaryStage> of(List<StageRow> rows, String canaryLabel) {
        Map<List<Object>, List<StageRow>> byStage = new LinkedHashMap<>();
        rows.forEach(r -> byStage.computeIfAbsent(List.of(r.group(), r.stage()), k -> new ArrayList<>()).add(r));
        return byStage.values().stream().map(stage -> ofStage(stage, canaryLabel)).toList();
    }

    private static CanaryStage ofStage(List<StageRow> stage, String canaryLabel) {
        StageRow first = stage.get(0);
        double responses = stage.stream().mapToDouble(StageRow::responses).filter(v -> !Double.isNaN(v)).sum();
        StageRow canary = stage.stream().filter(r -> r.label().equals(canaryLabel)).findFirst().orElse(null);
        double canaryResponses = canary == null || Double.isNaN(canary.responses()) ? 0 : canary.responses();
        double observed = canary != null && !Double.isNaN(canary.share()) ? canary.share()
                : responses > 0 ? canaryResponses / responses : Double.NaN;
        // a stage without a canary line (0 %: nothing answered from it) still has an interval around 0
        Wilson computed = Wilson.of(canaryResponses, responses);
        double low = canary != null && !Double.isNaN(canary.shareLow()) ? canary.shareLow() : computed.low();
        double high = canary != null && !Double.isNaN(canary.shareHigh()) ? canary.shareHigh() : computed.high();
        return new CanaryStage(first.group(), first.stage(), first.canaryPercent(), observed, low, high, canaryResponses,
                responses, first.requests(), first.errors(), first.requestsPerSecond(), first.p50Ms(), first.p90Ms(),
                first.p99Ms(), first.maxMs());
    }

    double configuredShare() {
        return configuredPercent / 100;
    }

    /** "stage 5 %: observed 4.9 % [4.5, 5.3]", as a reader quotes a stage. */
    String summary() {
        return "stage " + HtmlParts.percentNumber(configuredPercent) + " %: observed " + HtmlParts.percentWithInterval(observed, low, high);
    }

    /** True when the configured share lies outside the observed 95 % interval: the split is off, or chance (1 in 20). */
    boolean outsideInterval() {
        return !Double.isNaN(low) && (configuredShare() < low - EPSILON || configuredShare() > high + EPSILON);
    }
}
