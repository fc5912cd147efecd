package cnibench.report;

import cnibench.text.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a run directory says about the run itself: playbook, start, end, outcome, environment,
 * extra vars and the tasks it ran. run.json is written only at the run's end, so a report that
 * the run writes itself reads events.jsonl and environment.json instead.
 *
 * @param end     ISO instant; while the run is still going, the time of its latest task result
 * @param tasks   the names of the tasks that ran ("role : task")
 */
public record RunInfo(Path dir, String playbook, String start, String end, String outcome,
                      Map<String, Object> environment, Map<String, Object> extraVars, List<String> tasks) {
    public static final String RUN_JSON = "run.json";
    public static final String EVENTS_JSONL = "events.jsonl";
    public static final String ENVIRONMENT_JSON = "environment.json";
    static final String RUNNING = "running (this report was written by the run itself)";
    private static final ObjectMapper JSON = Json.MAPPER;
    /** The run directory's name: the UTC second the run started (RunRecord), maybe with a -N suffix. */
    private static final Pattern STAMP = Pattern.compile("(\\d{8}T\\d{6})Z(-\\d+)?");
    private static final DateTimeFormatter STAMP_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    /** True when the directory holds anything a run leaves. */
    static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve(RUN_JSON)) || Files.isRegularFile(dir.resolve(EVENTS_JSONL))
                || Files.isRegularFile(dir.resolve(ENVIRONMENT_JSON));
    }

    public static RunInfo load(Path dir) throws IOException {
        Path runJson = dir.resolve(RUN_JSON);
        Map<String, Object> environment = readMap(dir.resolve(ENVIRONMENT_JSON));
        if (Files.isRegularFile(runJson)) {
            Map<String, Object> record = readMap(runJson);
            Map<String, Object> recorded = map(record.get("environment"));
            List<String> tasks = new ArrayList<>();
            if (record.get("tasks") instanceof List<?> outcomes) {
                outcomes.forEach(o -> tasks.add(text(map(o).get("task"))));
            }
            return new RunInfo(dir, playbookName(record.get("playbook"), dir), text(record.get("start")),
                    text(record.get("end")), outcome(record), recorded.isEmpty() ? environment : recorded,
                    map(record.get("extra_vars")), tasks);
        }
        List<Map<String, Object>> events = readEvents(dir.resolve(EVENTS_JSONL));
        List<String> tasks = events.stream().map(e -> text(e.get("task"))).toList();
        String first = events.isEmpty() ? "" : text(events.get(0).get("time"));
        String last = events.isEmpty() ? "" : text(events.get(events.size() - 1).get("time"));
        String start = stampStart(dir);
        return new RunInfo(dir, playbookName(null, dir), start.isEmpty() ? first : start, last,
                events.isEmpty() ? "" : RUNNING, environment, Map.of(), tasks);
    }

    /** True when one of the run's tasks was a role creating a kind cluster. */
    public boolean ranOnKind() {
        return tasks.stream().anyMatch(t -> t.startsWith("create_kind_cluster :"));
    }

    /** "ok" or what failed, from run.json's outcome or its recap. */
    private static String outcome(Map<String, Object> record) {
        if (record.get("outcome") != null) {
            return text(record.get("outcome"));
        }
        Map<String, Object> recap = map(record.get("recap"));
        if (recap.isEmpty()) {
            return "";
        }
        List<String> failed = new ArrayList<>();
        recap.forEach((host, stats) -> {
            Map<String, Object> s = map(stats);
            long failures = number(s.get("failed"));
            long unreachable = number(s.get("unreachable"));
            if (failures > 0 || unreachable > 0) {
                failed.add(host + ": failed=" + failures + " unreachable=" + unreachable);
            }
        });
        return failed.isEmpty() ? "ok" : "failed (" + String.join("; ", failed) + ")";
    }

    /** The playbook's file name without .yml, as results/<playbook>/ names it; else the directory above the run. */
    private static String playbookName(Object recorded, Path dir) {
        if (recorded != null) {
            String name = Path.of(text(recorded)).getFileName().toString();
            return name.replaceFirst("\\.ya?ml$", "");
        }
        Path parent = dir.toAbsolutePath().normalize().getParent();
        return parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
    }

    private static String stampStart(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        Matcher m = STAMP.matcher(name == null ? "" : name.toString());
        if (!m.matches()) {
            return "";
        }
        try {
            return LocalDateTime.parse(m.group(1), STAMP_FORMAT).toInstant(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException e) {
            return "";
        }
    }

    private static List<Map<String, Object>> readEvents(Path file) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(map(JSON.readValue(line, Map.class)));
                } catch (JsonProcessingException e) {
                    // another host's result half written while the run is going: the next report has it
                }
            }
        }
        return out;
    }

    private static Map<String, Object> readMap(Path file) throws IOException {
        return Files.isRegularFile(file) ? map(JSON.readValue(file.toFile(), Map.class)) : Map.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
