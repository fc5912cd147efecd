package cnibench.report;

import cnibench.text.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one run directory (results/&lt;playbook&gt;/&lt;UTC timestamp&gt;/) holds: run.json, the iperf3
 * intervals, the node metrics, and the per-path summary computed from them (or read from
 * summary.csv when the intervals are not there).
 *
 * @param label how the run is named in tables and legends: playbook and timestamp directory
 */
public record RunData(Path dir, Map<String, Object> runJson, List<IperfInterval> intervals, List<MetricSample> metrics,
                      List<PathSummary> summaries, String label) {
    public static final String RUN_JSON = "run.json";
    private static final ObjectMapper JSON = Json.MAPPER;

    @SuppressWarnings("unchecked")
    public static RunData load(Path dir, String baseline) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("not a run directory: " + dir);
        }
        Path runJsonFile = dir.resolve(RUN_JSON);
        Map<String, Object> runJson = Files.isRegularFile(runJsonFile) ? JSON.readValue(runJsonFile.toFile(), Map.class) : Map.of();
        Path iperf = dir.resolve(Summarizer.IPERF_CSV);
        List<IperfInterval> intervals = Files.isRegularFile(iperf) ? Summarizer.readIntervals(iperf) : List.of();
        List<MetricSample> metrics = Summarizer.readMetrics(dir.resolve(Summarizer.METRICS_CSV));
        Path summaryCsv = dir.resolve(Summarizer.SUMMARY_CSV);
        List<PathSummary> summaries;
        if (!intervals.isEmpty()) {
            summaries = Summarizer.summarize(intervals, metrics, baseline);
        } else if (Files.isRegularFile(summaryCsv)) {
            summaries = CsvFiles.read(summaryCsv).stream().map(PathSummary::fromRow).toList();
        } else {
            summaries = List.of();
        }
        if (runJson.isEmpty() && intervals.isEmpty() && metrics.isEmpty() && summaries.isEmpty()) {
            throw new IOException("no run.json, iperf.csv, metrics.csv or summary.csv in " + dir);
        }
        RunData run = new RunData(dir, runJson, intervals, metrics, summaries, "");
        return run.withLabel(run.playbook() + " " + dir.toAbsolutePath().normalize().getFileName());
    }

    /** The same run named differently in tables and legends (two runs may not share a name). */
    public RunData withLabel(String name) {
        return new RunData(dir, runJson, intervals, metrics, summaries, name);
    }

    /** The playbook as run.json names it, else the directory above the run's. */
    public String playbook() {
        Object name = runJson.get("playbook");
        if (name != null) {
            return String.valueOf(name);
        }
        Path parent = dir.toAbsolutePath().normalize().getParent();
        return parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> section(String key) {
        Object value = runJson.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    public CpuWindows cpu() {
        return new CpuWindows(metrics);
    }
}
