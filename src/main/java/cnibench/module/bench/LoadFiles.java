package cnibench.module.bench;

import cnibench.report.CsvFiles;
import cnibench.text.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes what a load run was asked to keep: rows appended to the CSV files, the raw JSON. */
final class LoadFiles {
    static final List<String> CSV_COLUMNS = List.of("label", "responses", "share", "share_ci95_low", "share_ci95_high",
            "expected_share", "requests", "errors", "requests_per_s", "latency_p50_ms", "latency_p90_ms", "latency_p99_ms",
            "latency_max_ms", "latency_mean_ms", "duration_s", "start", "end");
    static final List<String> TIMELINE_COLUMNS = List.of("t", "requests", "errors", "latency_p50_ms", "latency_p99_ms",
            "latency_max_ms");
    static final List<String> MIRROR_COLUMNS = List.of("label", "requests", "mirrored", "mirrored_share", "share_ci95_low",
            "share_ci95_high", "share_of_mirrored");

    private LoadFiles() {
    }

    /** Writes every file the settings name; returns their paths by argument name. */
    static Map<String, Object> write(HttpLoadSettings s, LoadResult result) throws IOException {
        Map<String, Object> written = new LinkedHashMap<>();
        if (s.csvDest() != null) {
            append(s.csvDest(), s.csvLabels(), CSV_COLUMNS, result.labelRows());
            written.put("csv_dest", s.csvDest());
        }
        if (s.timelineDest() != null) {
            List<String> columns = new ArrayList<>(TIMELINE_COLUMNS);
            s.expectedLabels().forEach(label -> columns.add("count_" + label));
            append(s.timelineDest(), s.csvLabels(), columns, result.timeline());
            written.put("timeline_dest", s.timelineDest());
        }
        if (s.mirrorCsvDest() != null && result.mirror() != null) {
            append(s.mirrorCsvDest(), s.csvLabels(), MIRROR_COLUMNS, mirrorRows(result.mirror()));
            written.put("mirror_csv_dest", s.mirrorCsvDest());
        }
        if (s.rawDest() != null) {
            written.put("raw_dest", s.rawDest());
            ResultPaths.write(Path.of(s.rawDest()), Json.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(withFiles(result.raw(), written)) + "\n");
        }
        return written;
    }

    private static Map<String, Object> withFiles(Map<String, Object> raw, Map<String, Object> written) {
        raw.putAll(written);
        return raw;
    }

    /** The caller's labels first, then the columns; a caller's label named like a column is overwritten by it. */
    private static void append(String file, Map<String, Object> labels, List<String> columns, List<Map<String, Object>> rows)
            throws IOException {
        List<String> header = new ArrayList<>(labels.keySet());
        columns.stream().filter(c -> !labels.containsKey(c)).forEach(header::add);
        List<Map<String, Object>> labelled = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> out = new LinkedHashMap<>(labels);
            out.putAll(row);
            labelled.add(out);
        }
        CsvFiles.append(Path.of(file), header, labelled);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> mirrorRows(Map<String, Object> mirror) {
        List<Map<String, Object>> rows = new ArrayList<>();
        ((Map<String, Map<String, Object>>) mirror.get("by_label")).forEach((label, m) -> rows.add(mirrorRow(label, m)));
        Map<String, Object> all = new LinkedHashMap<>(mirror);
        all.put("share_of_mirrored", (long) mirror.get("mirrored") > 0 ? 1.0 : null);
        rows.add(mirrorRow("all", all));
        return rows;
    }

    private static Map<String, Object> mirrorRow(String label, Map<String, Object> m) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("label", label);
        row.put("requests", m.get("requests"));
        row.put("mirrored", m.get("mirrored"));
        row.put("mirrored_share", m.get("share"));
        row.put("share_ci95_low", m.get("share_ci95_low"));
        row.put("share_ci95_high", m.get("share_ci95_high"));
        row.put("share_of_mirrored", m.get("share_of_mirrored"));
        return row;
    }
}
