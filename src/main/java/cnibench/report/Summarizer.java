package cnibench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Condenses iperf.csv (and metrics.csv for CPU) into one {@link PathSummary} per path. Each repeat
 * counts once: its throughput is the time-weighted mean of its intervals, its retransmits their
 * sum, and its CPU the node's mean busy share while the repeat ran (start_epoch..end_epoch).
 */
public final class Summarizer {
    public static final String IPERF_CSV = "iperf.csv";
    public static final String METRICS_CSV = "metrics.csv";
    public static final String SUMMARY_CSV = "summary.csv";
    /** The path compared against when none is named. */
    public static final String DEFAULT_BASELINE = "direct";
    /** summary.csv's cpu_node where the CPU figures are the whole machine's. */
    public static final String MACHINE = "machine";

    private Summarizer() {
    }

    /** Reads iperf.csv and metrics.csv of a run directory and writes its summary.csv. */
    public static Path writeSummary(Path runDir, String baseline) throws IOException {
        Path iperf = runDir.resolve(IPERF_CSV);
        if (!Files.isRegularFile(iperf)) {
            throw new IOException("no " + IPERF_CSV + " in " + runDir);
        }
        List<MetricSample> metrics = readMetrics(runDir.resolve(METRICS_CSV));
        MachineScope scope = MachineScope.of(RunInfo.load(runDir), new CpuWindows(metrics));
        List<PathSummary> summaries = summarize(readIntervals(iperf), metrics, baseline, scope);
        Path out = runDir.resolve(SUMMARY_CSV);
        CsvFiles.write(out, PathSummary.COLUMNS, summaries.stream().map(PathSummary::toRow).toList());
        return out;
    }

    public static List<IperfInterval> readIntervals(Path iperfCsv) throws IOException {
        return CsvFiles.read(iperfCsv).stream().map(IperfInterval::fromRow).toList();
    }

    /** The samples of metrics.csv; none when the file does not exist. */
    public static List<MetricSample> readMetrics(Path metricsCsv) throws IOException {
        if (!Files.isRegularFile(metricsCsv)) {
            return List.of();
        }
        return CsvFiles.read(metricsCsv).stream().map(MetricSample::fromRow).toList();
    }

    /**
     * One summary per path in the order paths first appear. The overhead is measured against
     * {@code baseline}, or against {@link #DEFAULT_BASELINE} (else the first path) when null.
     */
    public static List<PathSummary> summarize(List<IperfInterval> intervals, List<MetricSample> metrics, String baseline) {
        return summarize(intervals, metrics, baseline, MachineScope.NODES);
    }

    /**
     * As above; where the nodes share one machine's CPU ({@code scope}), the CPU figures are the
     * machine's (cpu_node "machine") instead of a busiest node's.
     */
    public static List<PathSummary> summarize(List<IperfInterval> intervals, List<MetricSample> metrics, String baseline,
                                              MachineScope scope) {
        Map<String, Map<String, List<IperfInterval>>> byPath = new LinkedHashMap<>();
        for (IperfInterval i : intervals) {
            byPath.computeIfAbsent(i.path(), p -> new LinkedHashMap<>()).computeIfAbsent(i.repeatKey(), k -> new ArrayList<>()).add(i);
        }
        CpuWindows cpu = new CpuWindows(metrics);
        List<PathSummary> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<IperfInterval>>> path : byPath.entrySet()) {
            out.add(summarizePath(path.getKey(), path.getValue().values(), cpu, scope));
        }
        return withOverhead(out, baseline);
    }

    /** The baseline used when none is named: "direct" if such a path exists, else the first path. */
    public static String defaultBaseline(List<String> paths) {
        return paths.contains(DEFAULT_BASELINE) || paths.isEmpty() ? DEFAULT_BASELINE : paths.get(0);
    }

    private static PathSummary summarizePath(String path, Iterable<List<IperfInterval>> repeats, CpuWindows cpu,
                                             MachineScope scope) {
        Set<String> nodes = scope.sharedCpu() && cpu.machineNode() != null ? Set.of(cpu.machineNode()) : cpu.nodes();
        List<Double> throughput = new ArrayList<>();
        List<Double> retransmits = new ArrayList<>();
        List<Double> rtt = new ArrayList<>();
        Map<String, List<Double>> busyByNode = new TreeMap<>();
        Map<String, List<Double>> softirqByNode = new TreeMap<>();
        for (List<IperfInterval> repeat : repeats) {
            throughput.add(repeatThroughput(repeat));
            retransmits.add(repeat.stream().mapToDouble(IperfInterval::retransmits).filter(v -> !Double.isNaN(v)).sum());
            repeat.stream().map(IperfInterval::rttUs).filter(v -> !v.isNaN() && v > 0).forEach(rtt::add);
            double start = repeat.stream().mapToDouble(IperfInterval::startEpoch).min().orElse(Double.NaN);
            double end = repeat.stream().mapToDouble(IperfInterval::endEpoch).max().orElse(Double.NaN);
            if (!Double.isNaN(start) && !Double.isNaN(end)) {
                for (String node : nodes) {
                    CpuWindows.Share share = cpu.share(node, start, end);
                    if (share != null) {
                        busyByNode.computeIfAbsent(node, n -> new ArrayList<>()).add(share.busyPercent());
                        softirqByNode.computeIfAbsent(node, n -> new ArrayList<>()).add(share.softirqPercent());
                    }
                }
            }
        }
        String busiest = null;
        double busiestMedian = Double.NaN;
        for (Map.Entry<String, List<Double>> node : busyByNode.entrySet()) {
            double median = SummaryStatistics.of(node.getValue()).median();
            if (busiest == null || median > busiestMedian) {
                busiest = node.getKey();
                busiestMedian = median;
            }
        }
        double softirq = busiest == null ? Double.NaN : SummaryStatistics.of(softirqByNode.get(busiest)).median();
        SummaryStatistics t = SummaryStatistics.of(throughput);
        return new PathSummary(path, t.n(), t.median(), t.mean(), t.iqr(), t.ci95Low(), t.ci95High(),
                SummaryStatistics.of(retransmits).median(), SummaryStatistics.of(rtt).median(), busiestMedian, softirq,
                busiest == null ? "" : scope.sharedCpu() ? MACHINE : busiest, Double.NaN);
    }

    /** Bits per second over the whole repeat: each interval weighted by its length. */
    static double repeatThroughput(List<IperfInterval> repeat) {
        double bits = 0;
        double seconds = 0;
        for (IperfInterval i : repeat) {
            if (!Double.isNaN(i.bitsPerSecond()) && i.seconds() > 0) {
                bits += i.bitsPerSecond() * i.seconds();
                seconds += i.seconds();
            }
        }
        return seconds > 0 ? bits / seconds : Double.NaN;
    }

    private static List<PathSummary> withOverhead(List<PathSummary> summaries, String baseline) {
        String name = baseline != null ? baseline : defaultBaseline(summaries.stream().map(PathSummary::path).toList());
        double reference = summaries.stream().filter(s -> s.path().equals(name)).mapToDouble(PathSummary::throughputMedianBps)
                .findFirst().orElse(Double.NaN);
        return summaries.stream().map(s -> s.withOverhead(overheadPercent(reference, s.throughputMedianBps()))).toList();
    }

    /** Throughput lost against the reference, in percent of the reference. */
    static double overheadPercent(double reference, double value) {
        return reference > 0 ? (reference - value) / reference * 100 : Double.NaN;
    }
}
