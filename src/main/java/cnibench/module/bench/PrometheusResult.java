package cnibench.module.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The data of a Prometheus query response as series of samples. A vector's sample, a scalar and
 * a string become one-sample series, so that every result type reads alike.
 */
public record PrometheusResult(String resultType, List<Series> series) {

    /** One time series: its labels and its samples in time order. */
    public record Series(Map<String, String> metric, List<Sample> samples) {
    }

    /** One sample; the value is a number, NaN and ±Inf included (Prometheus sends it as text). */
    public record Sample(double timestamp, double value) {
    }

    /** Reads the {@code data} object of a successful response. */
    public static PrometheusResult fromData(JsonNode data) {
        String type = data.path("resultType").asText();
        JsonNode result = data.path("result");
        List<Series> series = new ArrayList<>();
        switch (type) {
            case "matrix" -> result.forEach(s -> series.add(new Series(labels(s.path("metric")), samples(s.path("values")))));
            case "vector" -> result.forEach(s -> series.add(new Series(labels(s.path("metric")), List.of(sample(s.path("value"))))));
            case "scalar", "string" -> series.add(new Series(Map.of(), List.of(sample(result))));
            default -> throw new IllegalArgumentException("unknown Prometheus result type: " + type);
        }
        return new PrometheusResult(type, series);
    }

    /** The series as the module returns them: {metric: labels, values: [[timestamp, value], ...]}. */
    public List<Map<String, Object>> seriesMaps() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Series s : series) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("metric", s.metric());
            map.put("values", s.samples().stream().map(v -> List.of(v.timestamp(), v.value())).toList());
            out.add(map);
        }
        return out;
    }

    /** One flat row per sample: timestamp, value and the series' labels. */
    public List<Map<String, Object>> rows() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Series s : series) {
            for (Sample v : s.samples()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("timestamp", v.timestamp());
                row.put("value", v.value());
                row.putAll(s.metric());
                out.add(row);
            }
        }
        return out;
    }

    /** The CSV header: timestamp, value, then every label name in sorted order. */
    public List<String> columns() {
        TreeSet<String> labels = new TreeSet<>();
        series.forEach(s -> labels.addAll(s.metric().keySet()));
        labels.remove("timestamp");
        labels.remove("value");
        List<String> out = new ArrayList<>(List.of("timestamp", "value"));
        out.addAll(labels);
        return out;
    }

    private static Map<String, String> labels(JsonNode metric) {
        Map<String, String> out = new TreeMap<>();
        metric.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static List<Sample> samples(JsonNode values) {
        List<Sample> out = new ArrayList<>();
        values.forEach(v -> out.add(sample(v)));
        return out;
    }

    private static Sample sample(JsonNode pair) {
        return new Sample(pair.path(0).asDouble(), number(pair.path(1).asText()));
    }

    private static double number(String text) {
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }
}
