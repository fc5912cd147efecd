package cnibench.module.bench;

import cnibench.report.CsvFiles;
import cnibench.report.IperfInterval;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Adds one iperf3 run's intervals to iperf.csv, labelled with its run, repeat and path. */
final class Iperf3Csv {

    private Iperf3Csv() {
    }

    /**
     * The rows of a run: omitted (warm-up) intervals are left out; start_epoch and end_epoch
     * bound the run so that node metrics can be matched to it.
     */
    static List<Map<String, Object>> rows(Iperf3Report report, Map<String, Object> labels) {
        Long start = report.summary().startTimestamp();
        double last = report.intervals().stream().mapToDouble(Iperf3Report.Interval::end).max().orElse(0);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Iperf3Report.Interval interval : report.intervals()) {
            if (interval.omitted()) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("run", labels.get("run"));
            row.put("repeat", labels.get("repeat"));
            row.put("path", labels.get("path"));
            row.put("interval_start", interval.start());
            row.put("interval_end", interval.end());
            row.put("bits_per_second", interval.bitsPerSecond());
            row.put("retransmits", interval.retransmits());
            row.put("rtt_us", interval.rttUs());
            row.put("snd_cwnd", interval.sndCwnd());
            row.put("start_epoch", start);
            row.put("end_epoch", start == null ? null : start + last);
            rows.add(row);
        }
        return rows;
    }

    static int append(Path csv, Iperf3Report report, Map<String, Object> labels) throws IOException {
        List<Map<String, Object>> rows = rows(report, labels);
        CsvFiles.append(csv, IperfInterval.COLUMNS, rows);
        return rows.size();
    }
}
