package cnibench.report;

import java.util.Map;

/** One line of metrics.csv: a Prometheus sample of one node, e.g. cpu_seconds_rate for mode softirq. */
public record MetricSample(double timestamp, String node, String metric, String mode, double value) {

    public static final String CPU_SECONDS_RATE = "cpu_seconds_rate";

    public static MetricSample fromRow(Map<String, String> row) {
        return new MetricSample(IperfInterval.number(row, "timestamp"), row.getOrDefault("node", ""),
                row.getOrDefault("metric", ""), row.getOrDefault("mode", ""), IperfInterval.number(row, "value"));
    }
}
