package cnibench.report;

import java.util.List;
import java.util.Map;

/**
 * One line of iperf.csv: one reporting interval of one repeat of one path.
 *
 * @param startEpoch when the repeat started (epoch seconds), NaN when iperf.csv has no such column
 * @param endEpoch   when the repeat ended (epoch seconds), NaN when unknown
 */
public record IperfInterval(String run, String repeat, String path, double intervalStart, double intervalEnd,
                            double bitsPerSecond, double retransmits, double rttUs, double sndCwnd,
                            double startEpoch, double endEpoch) {

    /** The columns of iperf.csv. */
    public static final List<String> COLUMNS = List.of("run", "repeat", "path", "interval_start", "interval_end",
            "bits_per_second", "retransmits", "rtt_us", "snd_cwnd", "start_epoch", "end_epoch");

    public static IperfInterval fromRow(Map<String, String> row) {
        return new IperfInterval(row.getOrDefault("run", ""), row.getOrDefault("repeat", ""), row.getOrDefault("path", ""),
                number(row, "interval_start"), number(row, "interval_end"), number(row, "bits_per_second"),
                number(row, "retransmits"), number(row, "rtt_us"), number(row, "snd_cwnd"),
                number(row, "start_epoch"), number(row, "end_epoch"));
    }

    /** The repeat this interval belongs to, unique within a run directory. */
    public String repeatKey() {
        return path + "/" + run + "/" + repeat;
    }

    public double seconds() {
        return intervalEnd - intervalStart;
    }

    static double number(Map<String, String> row, String column) {
        String text = row.get(column);
        if (text == null || text.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column " + column + " holds no number: " + text);
        }
    }
}
