package cnibench.module.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/** The numbers of a finished load run, as the task's result, the CSV rows and the raw JSON. */
final class LoadResult {
    private final HttpLoadSettings settings;
    private final LoadRecorder.Tally total;
    private final LabelSet labels;
    private final List<Map<String, Object>> timeline;
    private final double start;
    private final double end;
    private final double seconds;
    private Map<String, Object> mirror;
    private String mirrorError;

    LoadResult(HttpLoadSettings settings, LoadRecorder recorder, double start, double end, double seconds) {
        this.settings = settings;
        this.total = recorder.total();
        this.labels = recorder.labels();
        this.timeline = recorder.timeline().rows();
        this.start = start;
        this.end = end;
        this.seconds = seconds;
    }

    /** The result of a run that could not begin: the url, no requests, and why. */
    static Map<String, Object> failedBeforeStart(HttpLoadSettings settings, String why) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("url", settings.url());
        out.put("requests", 0);
        out.put("failed", true);
        out.put("msg", "http_load " + settings.url() + ": " + why);
        return out;
    }

    void mirror(Map<String, Object> joined) {
        this.mirror = joined;
    }

    void mirrorError(String message) {
        this.mirrorError = message;
    }

    Map<String, Object> mirror() {
        return mirror;
    }

    List<Map<String, Object>> timeline() {
        return timeline;
    }

    /** Responses per label: the expected labels always, in their order, then the others as first seen. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            counts.put(labels.name(i), total.labelCounts[i]);
        }
        return counts;
    }

    Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("url", settings.url());
        out.put("model", settings.rate() != null ? "open" : "closed");
        out.put("connections", settings.connections());
        if (settings.rate() != null) {
            out.put("rate", settings.rate());
        }
        out.put("requests", total.requests);
        out.put("responses", total.responses);
        out.put("errors", total.errors);
        out.put("warmup_requests", total.warmup);
        out.put("retried", total.retried);
        out.put("error_kinds", errorKinds());
        Map<String, String> messages = new LinkedHashMap<>();
        for (LoadError.Kind kind : LoadError.Kind.values()) {
            if (total.firstErrors[kind.ordinal()] != null) {
                messages.put(kind.key(), total.firstErrors[kind.ordinal()]);
            }
        }
        out.put("error_messages", messages);
        Map<String, Long> codes = new LinkedHashMap<>();
        for (int code = 0; code < total.statusCodes.length; code++) {
            if (total.statusCodes[code] > 0) {
                codes.put(String.valueOf(code), total.statusCodes[code]);
            }
        }
        out.put("status_codes", codes);
        out.put("duration_s", LoadNumbers.seconds(seconds));
        out.put("requests_per_s", requestsPerSecond());
        out.put("latency_ms", latency());
        out.put("counts", counts());
        out.put("shares", shares());
        out.put("start", LoadNumbers.seconds(start));
        out.put("end", LoadNumbers.seconds(end));
        if (mirror != null) {
            out.put("mirror", mirror);
        }
        String failure = failure();
        out.put("failed", failure != null);
        out.put("msg", failure != null ? failure : summary());
        return out;
    }

    /** The result plus what only the raw file keeps: the settings, the full latency distribution and the timeline. */
    Map<String, Object> raw() {
        Map<String, Object> out = toMap();
        out.put("settings", settings);
        out.put("latency_distribution", distribution());
        out.put("timeline", timeline);
        return out;
    }

    /** One row per label for csv_dest, without the caller's labels. */
    List<Map<String, Object>> labelRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> latency = latency();
        Map<String, Map<String, Object>> shares = shares();
        counts().forEach((label, n) -> {
            Map<String, Object> share = shares.get(label);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", label);
            row.put("responses", n);
            row.put("share", share.get("share"));
            row.put("share_ci95_low", share.get("ci95_low"));
            row.put("share_ci95_high", share.get("ci95_high"));
            row.put("expected_share", share.get("expected"));
            row.put("requests", total.requests);
            row.put("errors", total.errors);
            row.put("requests_per_s", requestsPerSecond());
            row.put("latency_p50_ms", latency.get("p50"));
            row.put("latency_p90_ms", latency.get("p90"));
            row.put("latency_p99_ms", latency.get("p99"));
            row.put("latency_max_ms", latency.get("max"));
            row.put("latency_mean_ms", latency.get("mean"));
            row.put("duration_s", LoadNumbers.seconds(seconds));
            row.put("start", LoadNumbers.seconds(start));
            row.put("end", LoadNumbers.seconds(end));
            rows.add(row);
        });
        return rows;
    }

    private Map<String, Long> errorKinds() {
        Map<String, Long> kinds = new LinkedHashMap<>();
        for (LoadError.Kind kind : LoadError.Kind.values()) {
            kinds.put(kind.key(), total.errorKinds[kind.ordinal()]);
        }
        long clientErrors = 0;
        for (int code = 400; code < 500; code++) {
            clientErrors += total.statusCodes[code];
        }
        kinds.put("status_4xx", clientErrors); // shown, not counted in errors: the route answered
        return kinds;
    }

    private double requestsPerSecond() {
        return seconds > 0 ? Math.round(total.requests / seconds * 10) / 10.0 : 0;
    }

    private Map<String, Object> latency() {
        Histogram h = total.latency;
        Map<String, Object> out = new LinkedHashMap<>();
        boolean any = h.getTotalCount() > 0;
        out.put("p50", any ? LoadNumbers.ms(h.getValueAtPercentile(50)) : null);
        out.put("p90", any ? LoadNumbers.ms(h.getValueAtPercentile(90)) : null);
        out.put("p99", any ? LoadNumbers.ms(h.getValueAtPercentile(99)) : null);
        out.put("p999", any ? LoadNumbers.ms(h.getValueAtPercentile(99.9)) : null);
        out.put("max", any ? LoadNumbers.ms(h.getMaxValue()) : null);
        out.put("mean", any ? LoadNumbers.ms(h.getMean()) : null);
        out.put("min", any ? LoadNumbers.ms(h.getMinValue()) : null);
        return out;
    }

    private Map<String, Map<String, Object>> shares() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        counts().forEach((label, n) -> {
            WilsonInterval ci = WilsonInterval.of95(n, total.responses);
            Map<String, Object> share = new LinkedHashMap<>();
            share.put("share", total.responses > 0 ? LoadNumbers.share((double) n / total.responses) : null);
            share.put("ci95_low", ci == null ? null : LoadNumbers.share(ci.low()));
            share.put("ci95_high", ci == null ? null : LoadNumbers.share(ci.high()));
            share.put("expected", settings.expectedShares().get(label));
            out.put(label, share);
        });
        return out;
    }

    /** HdrHistogram's percentile distribution (five steps per halving of the tail), in milliseconds. */
    private List<Map<String, Object>> distribution() {
        List<Map<String, Object>> out = new ArrayList<>();
        if (total.latency.getTotalCount() == 0) {
            return out;
        }
        for (HistogramIterationValue v : total.latency.percentiles(5)) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("percentile", v.getPercentileLevelIteratedTo());
            step.put("latency_ms", LoadNumbers.ms(v.getValueIteratedTo()));
            step.put("count", v.getTotalCountToThisValue());
            out.add(step);
        }
        return out;
    }

    /** Why the task fails, or null: every request failed, the error rate is above the limit, or the mirror log is missing. */
    private String failure() {
        String where = "http_load " + settings.url() + ": ";
        if (total.requests == 0) {
            return where + "no request completed";
        }
        if (total.errors == total.requests) {
            return where + "every one of " + total.requests + " requests failed: " + commonestError();
        }
        double rate = (double) total.errors / total.requests;
        if (settings.maxErrorRate() != null && rate > settings.maxErrorRate()) {
            return where + String.format(Locale.ROOT, "error rate %.4f above max_error_rate %s (%s)", rate, settings.maxErrorRate(),
                    commonestError());
        }
        return mirrorError != null ? where + mirrorError : null;
    }

    private String commonestError() {
        int most = 0;
        for (int i = 1; i < total.errorKinds.length; i++) {
            if (total.errorKinds[i] > total.errorKinds[most]) {
                most = i;
            }
        }
        return LoadError.Kind.values()[most].key() + ": " + total.firstErrors[most];
    }

    private String summary() {
        Map<String, Object> latency = latency();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%d requests in %.1f s (%.1f/s), %d errors, p50 %s ms, p99 %s ms",
                total.requests, seconds, requestsPerSecond(), total.errors, latency.get("p50"), latency.get("p99")));
        if (settings.label() != null && total.responses > 0) {
            List<String> parts = new ArrayList<>();
            counts().forEach((label, n) -> parts.add(String.format(Locale.ROOT, "%s %.1f %%", label, 100.0 * n / total.responses)));
            text.append("; ").append(String.join(", ", parts));
        }
        return text.toString();
    }
}
