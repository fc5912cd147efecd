package cnibench.callback;

import cnibench.executor.Stats;
import cnibench.executor.TaskResult;
import cnibench.playbook.Play;
import cnibench.text.Json;
import cnibench.python.PyJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Leaves the record of a run under results/<playbook>/<UTC timestamp>/: events.jsonl, one line per
 * task result as it happens, and run.json with what the run was given and how every task ended.
 */
public final class RunRecord implements Callback {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private final ObjectMapper json = Json.MAPPER;
    private final Path dir;
    private final Map<String, Object> record = new LinkedHashMap<>();
    private final List<Map<String, Object>> outcomes = new ArrayList<>();
    private final BufferedWriter events;
    private String currentPlay;

    private RunRecord(Path dir, Map<String, Object> given) throws IOException {
        this.dir = dir;
        this.record.putAll(given);
        this.record.put("start", Instant.now().toString());
        this.events = Files.newBufferedWriter(dir.resolve("events.jsonl"));
    }

    /** Makes the run directory; a second run in the same second gets a suffix. */
    public static RunRecord create(Path resultsRoot, String playbookName, Map<String, Object> given) {
        try {
            String stamp = STAMP.format(Instant.now());
            Path dir = resultsRoot.resolve(playbookName).resolve(stamp);
            for (int i = 2; Files.exists(dir); i++) {
                dir = resultsRoot.resolve(playbookName).resolve(stamp + "-" + i);
            }
            Files.createDirectories(dir);
            return new RunRecord(dir, given);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the run record under " + resultsRoot, e);
        }
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void playStart(Play play, String name) {
        currentPlay = name;
    }

    @Override
    public void hostResult(TaskResult r) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("time", Instant.now().toString());
        outcome.put("play", currentPlay);
        outcome.put("task", r.task().displayName());
        outcome.put("host", r.host().name());
        outcome.put("status", r.status().name().toLowerCase());
        outcome.put("changed", r.changed());
        outcome.put("ignored", r.ignored());
        outcomes.add(outcome);
        Map<String, Object> event = new LinkedHashMap<>(outcome);
        event.put("result", r.result());
        try {
            // the callback's own JSON writer: already warm, where Jackson's first uses per task cost a cold run dearly
            events.write(PyJson.dumps(event, null, false));
            events.newLine();
            events.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void recap(Stats stats) {
        record.put("end", Instant.now().toString());
        record.put("recap", stats.all());
        record.put("tasks", outcomes);
        try {
            Path environment = dir.resolve("environment.json");
            if (Files.isRegularFile(environment)) {
                // what the numbers depend on (kernel, tool versions, MTU, ...), as the playbook recorded it
                record.put("environment", json.readValue(environment.toFile(), Object.class));
            }
            events.close();
            Files.writeString(dir.resolve("run.json"), PyJson.dumps(record, 2, false) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
