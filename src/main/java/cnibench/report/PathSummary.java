package cnibench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of summary.csv: the repeats of one path condensed. Throughput is per repeat (the
 * time-weighted mean over its intervals); CPU figures are of the node that was busiest.
 *
 * @param overheadPercent throughput lost against the baseline path's median, in percent; NaN without a baseline
 */
public record PathSummary(String path, int n, double throughputMedianBps, double throughputMeanBps, double throughputIqrBps,
                          double throughputCi95LowBps, double throughputCi95HighBps, double retransmitsMedian,
                          double rttMedianUs, double cpuBusyMedianPercent, double softirqMedianPercent, String cpuNode,
                          double overheadPercent) {

    public static final List<String> COLUMNS = List.of("path", "n", "throughput_median_bps", "throughput_mean_bps",
            "throughput_iqr_bps", "throughput_ci95_low_bps", "throughput_ci95_high_bps", "retransmits_median",
            "rtt_median_us", "cpu_busy_median_percent", "softirq_median_percent", "cpu_node", "overhead_percent");

    public PathSummary withOverhead(double percent) {
        return new PathSummary(path, n, throughputMedianBps, throughputMeanBps, throughputIqrBps, throughputCi95LowBps,
                throughputCi95HighBps, retransmitsMedian, rttMedianUs, cpuBusyMedianPercent, softirqMedianPercent, cpuNode,
                percent);
    }

    public Map<String, Object> toRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("path", path);
        row.put("n", n);
        row.put("throughput_median_bps", round(throughputMedianBps, 0));
        row.put("throughput_mean_bps", round(throughputMeanBps, 0));
        row.put("throughput_iqr_bps", round(throughputIqrBps, 0));
        row.put("throughput_ci95_low_bps", round(throughputCi95LowBps, 0));
        row.put("throughput_ci95_high_bps", round(throughputCi95HighBps, 0));
        row.put("retransmits_median", round(retransmitsMedian, 1));
        row.put("rtt_median_us", round(rttMedianUs, 1));
        row.put("cpu_busy_median_percent", round(cpuBusyMedianPercent, 3));
        row.put("softirq_median_percent", round(softirqMedianPercent, 3));
        row.put("cpu_node", cpuNode);
        row.put("overhead_percent", round(overheadPercent, 3));
        return row;
    }

    public static PathSummary fromRow(Map<String, String> row) {
        return new PathSummary(row.getOrDefault("path", ""), (int) IperfInterval.number(row, "n"),
                IperfInterval.number(row, "throughput_median_bps"), IperfInterval.number(row, "throughput_mean_bps"),
                IperfInterval.number(row, "throughput_iqr_bps"), IperfInterval.number(row, "throughput_ci95_low_bps"),
                IperfInterval.number(row, "throughput_ci95_high_bps"), IperfInterval.number(row, "retransmits_median"),
                IperfInterval.number(row, "rtt_median_us"), IperfInterval.number(row, "cpu_busy_median_percent"),
                IperfInterval.number(row, "softirq_median_percent"), row.getOrDefault("cpu_node", ""),
                IperfInterval.number(row, "overhead_percent"));
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
