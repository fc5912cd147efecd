package cnibench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What one egress run directory (results/&lt;playbook&gt;/&lt;UTC timestamp&gt;/) holds: the run's
 * record, the iperf3 intervals, the node metrics, and the per-path summary computed from them (or
 * read from summary.csv when the intervals are not there).
 *
 * @param scope whose CPU the per-node metrics are
 * @param label how the run is named in tables and legends: playbook and timestamp directory
 */
public record RunData(RunInfo info, List<IperfInterval> intervals, List<MetricSample> metrics,
                      List<PathSummary> summaries, MachineScope scope, String label) {

    public static RunData load(Path dir, String baseline) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("not a run directory: " + dir);
        }
        Path iperf = dir.resolve(Summarizer.IPERF_CSV);
        List<IperfInterval> intervals = Files.isRegularFile(iperf) ? Summarizer.readIntervals(iperf) : List.of();
        List<MetricSample> metrics = Summarizer.readMetrics(dir.resolve(Summarizer.METRICS_CSV));
        Path summaryCsv = dir.resolve(Summarizer.SUMMARY_CSV);
        boolean record = RunInfo.present(dir);
        if (!record && intervals.isEmpty() && metrics.isEmpty() && !Files.isRegularFile(summaryCsv)) {
            throw new IOException("no run.json, iperf.csv, metrics.csv or summary.csv in " + dir);
        }
        RunInfo info = RunInfo.load(dir);
        MachineScope scope = MachineScope.of(info, new CpuWindows(metrics));
        List<PathSummary> summaries;
        if (!intervals.isEmpty()) {
            summaries = Summarizer.summarize(intervals, metrics, baseline, scope);
        } else if (Files.isRegularFile(summaryCsv)) {
            summaries = CsvFiles.read(summaryCsv).stream().map(PathSummary::fromRow).toList();
        } else {
            summaries = List.of();
        }
        return new RunData(info, intervals, metrics, summaries, scope, Labels.runLabel(info));
    }

    /** The same run named differently in tables and legends (two runs may not share a name). */
    public RunData withLabel(String name) {
        return new RunData(info, intervals, metrics, summaries, scope, name);
    }

    public CpuWindows cpu() {
        return new CpuWindows(metrics);
    }
}
