package cnibench.module.bench;

import cnibench.text.Json;
import cnibench.text.OrderedStrings;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a k6 run measured, from the file `k6 run --summary-export` writes: request count and rate,
 * the share of failed requests, iterations, checks and http_req_duration's statistics in ms.
 */
record K6Summary(Map<String, Object> metrics) {
    /** The trend statistics k6 exports (p(99) when --summary-trend-stats asks for it), and the names the result gives them. */
    private static final Map<String, String> DURATION_STATS = OrderedStrings.of(
            "avg", "avg",
            "min", "min",
            "med", "med",
            "max", "max",
            "p(90)", "p90",
            "p(95)", "p95",
            "p(99)", "p99");

    static K6Summary parse(String json) throws IOException {
        Map<String, Object> root = Json.MAPPER.readValue(json, new TypeReference<Map<String, Object>>() { });
        if (!(root.get("metrics") instanceof Map<?, ?> metrics)) {
            throw new IOException("not a k6 summary: it has no \"metrics\"");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) metrics;
        return new K6Summary(typed);
    }

    /** The result fields: requests, request_rate, failed_rate, failed_requests, iterations, checks, duration_ms. */
    Map<String, Object> fields() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requests", metric("http_reqs").get("count"));
        out.put("request_rate", metric("http_reqs").get("rate"));
        // a Rate metric exports its true samples as "passes": for http_req_failed those are the failures
        out.put("failed_rate", metric("http_req_failed").get("value"));
        out.put("failed_requests", metric("http_req_failed").get("passes"));
        out.put("iterations", metric("iterations").get("count"));
        Map<String, Object> checks = metric("checks");
        if (!checks.isEmpty()) {
            Map<String, Object> counted = new LinkedHashMap<>();
            counted.put("passed", checks.get("passes"));
            counted.put("failed", checks.get("fails"));
            out.put("checks", counted);
        }
        Map<String, Object> trend = metric("http_req_duration");
        Map<String, Object> duration = new LinkedHashMap<>();
        DURATION_STATS.forEach((k6Name, ours) -> {
            if (trend.containsKey(k6Name)) {
                duration.put(ours, trend.get(k6Name));
            }
        });
        out.put("duration_ms", duration);
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> metric(String name) {
        return metrics.get(name) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
