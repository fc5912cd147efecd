package cnibench.module.bench;

import cnibench.text.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the JSON that {@code iperf3 -J} prints (iperf 3.x, client or server side). */
public final class Iperf3Json {
    private static final ObjectMapper JSON = Json.MAPPER;

    private Iperf3Json() {
    }

    /** Parses iperf3 JSON text; fails with a one-line message when it is no iperf3 JSON at all. */
    public static Iperf3Report parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("iperf3 output is not JSON: " + e.getOriginalMessage());
        }
        return parse(root);
    }

    public static Iperf3Report parse(JsonNode root) {
        if (root == null || !root.isObject() || !(root.has("start") || root.has("end") || root.has("error"))) {
            throw new IllegalArgumentException("not iperf3 JSON output: it has no start, end or error");
        }
        Map<String, Object> raw = JSON.convertValue(root, new TypeReference<>() {
        });
        String error = root.hasNonNull("error") ? root.get("error").asText() : null;
        List<Iperf3Report.Interval> intervals = new ArrayList<>();
        for (JsonNode interval : root.path("intervals")) {
            intervals.add(interval(interval));
        }
        return new Iperf3Report(error, summary(root), intervals, raw);
    }

    private static Iperf3Report.Summary summary(JsonNode root) {
        JsonNode start = root.path("start");
        JsonNode test = start.path("test_start");
        JsonNode connected = start.path("connected").path(0);
        JsonNode end = root.path("end");
        // UDP results of older iperf3 versions have only end.sum
        JsonNode sent = end.has("sum_sent") ? end.path("sum_sent") : end.path("sum");
        JsonNode received = end.has("sum_received") ? end.path("sum_received") : end.path("sum");
        JsonNode udp = end.path("sum");

        Double rttMean = null;
        Double rttMin = null;
        Double rttMax = null;
        double rttSum = 0;
        int rttStreams = 0;
        for (JsonNode stream : end.path("streams")) {
            JsonNode sender = stream.path("sender");
            Double max = dbl(sender, "max_rtt");
            if (max == null || max <= 0) {
                continue; // no RTT measured on this side (UDP, or the reverse direction)
            }
            rttSum += dbl(sender, "mean_rtt");
            rttStreams++;
            rttMin = rttMin == null ? dbl(sender, "min_rtt") : Math.min(rttMin, dbl(sender, "min_rtt"));
            rttMax = rttMax == null ? max : Math.max(rttMax, max);
        }
        if (rttStreams > 0) {
            rttMean = rttSum / rttStreams;
        }
        JsonNode cpu = end.path("cpu_utilization_percent");
        Iperf3Report.Cpu cpuUse = cpu.isObject() ? new Iperf3Report.Cpu(dbl(cpu, "host_total"), dbl(cpu, "host_user"),
                dbl(cpu, "host_system"), dbl(cpu, "remote_total"), dbl(cpu, "remote_user"), dbl(cpu, "remote_system")) : null;
        Long reverse = lng(test, "reverse");
        boolean isUdp = "UDP".equals(str(test, "protocol"));
        return new Iperf3Report.Summary(str(test, "protocol"), integer(test, "num_streams"),
                reverse == null ? null : reverse != 0, dbl(test, "duration"), lng(start.path("timestamp"), "timesecs"),
                str(connected, "local_host"), integer(connected, "local_port"), str(connected, "remote_host"),
                integer(connected, "remote_port"), dbl(sent, "bits_per_second"), dbl(received, "bits_per_second"),
                lng(sent, "bytes"), lng(received, "bytes"), lng(sent, "retransmits"), rttMean, rttMin, rttMax,
                isUdp ? dbl(udp, "jitter_ms") : null, isUdp ? lng(udp, "lost_packets") : null,
                isUdp ? dbl(udp, "lost_percent") : null, isUdp ? lng(udp, "packets") : null, cpuUse);
    }

    private static Iperf3Report.Interval interval(JsonNode interval) {
        JsonNode sum = interval.path("sum");
        Long cwnd = null;
        double rttSum = 0;
        int rttStreams = 0;
        for (JsonNode stream : interval.path("streams")) {
            Long streamCwnd = lng(stream, "snd_cwnd");
            if (streamCwnd != null) {
                cwnd = (cwnd == null ? 0 : cwnd) + streamCwnd;
            }
            Double rtt = dbl(stream, "rtt");
            if (rtt != null && rtt > 0) {
                rttSum += rtt;
                rttStreams++;
            }
        }
        return new Iperf3Report.Interval(sum.path("start").asDouble(), sum.path("end").asDouble(),
                sum.path("bits_per_second").asDouble(), lng(sum, "bytes"), lng(sum, "retransmits"), cwnd,
                rttStreams > 0 ? rttSum / rttStreams : null, lng(sum, "packets"), sum.path("omitted").asBoolean(false));
    }

    private static String str(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Double dbl(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isNumber() ? null : v.asDouble();
    }

    private static Long lng(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isNumber() ? null : v.asLong();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isNumber() ? null : v.asInt();
    }
}
