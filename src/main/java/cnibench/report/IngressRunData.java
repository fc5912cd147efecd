package cnibench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one ingress run directory holds: the run's record, the canary stages (stages.csv), the
 * buckets around each route change joined with the changes (timeline.csv, changes.csv) and the
 * mirroring counts (mirror.csv); each file but stages.csv may be missing.
 *
 * @param label how the run is named in tables and legends
 */
record IngressRunData(RunInfo info, List<CanaryStage> stages, List<Transition> transitions, List<MirrorRow> mirror,
                      String label) {

    /** True for a directory an ingress run wrote. */
    static boolean isIngress(Path dir) {
        return Files.isRegularFile(dir.resolve(StageRow.FILE));
    }

    static IngressRunData load(Path dir, String canaryLabel) throws IOException {
        if (!isIngress(dir)) {
            throw new IOException("no " + StageRow.FILE + " in " + dir);
        }
        List<CanaryStage> stages = CanaryStage.of(CsvFiles.read(dir.resolve(StageRow.FILE)).stream().map(StageRow::fromRow).toList(),
                canaryLabel);
        List<Transition> transitions = TransitionsJoin.join(readIfPresent(dir.resolve(TransitionsJoin.TIMELINE)),
                readIfPresent(dir.resolve(TransitionsJoin.CHANGES)), canaryLabel);
        List<MirrorRow> mirror = readIfPresent(dir.resolve(MirrorRow.FILE)).stream().map(MirrorRow::fromRow).toList();
        RunInfo info = RunInfo.load(dir);
        return new IngressRunData(info, stages, transitions, mirror, Labels.runLabel(info));
    }

    IngressRunData withLabel(String name) {
        return new IngressRunData(info, stages, transitions, mirror, name);
    }

    /** Writes transitions.csv beside the inputs; returns it, or null when the run recorded no route change. */
    Path writeTransitions() throws IOException {
        if (transitions.isEmpty()) {
            return null;
        }
        Path out = info.dir().resolve(Transition.FILE);
        CsvFiles.write(out, Transition.header(transitions), transitions.stream().map(Transition::toRow).toList());
        return out;
    }

    /**
     * The name of a group of this run's rows in legends: the run's label, followed by the label
     * columns (run=2, scenario=...) that tell the groups of this directory apart.
     */
    String seriesName(Map<String, String> group) {
        Map<String, Set<String>> values = new HashMap<>();
        List<Map<String, String>> groups = new ArrayList<>();
        stages.forEach(s -> groups.add(s.group()));
        transitions.forEach(t -> groups.add(t.group()));
        mirror.forEach(m -> groups.add(m.group()));
        groups.forEach(g -> g.forEach((k, v) -> values.computeIfAbsent(k, x -> new HashSet<>()).add(v)));
        List<String> parts = new ArrayList<>();
        group.forEach((k, v) -> {
            if (values.getOrDefault(k, Set.of()).size() > 1) {
                parts.add(k + "=" + v);
            }
        });
        return parts.isEmpty() ? label : label + " " + String.join(" ", parts);
    }

    private static List<Map<String, String>> readIfPresent(Path file) throws IOException {
        return Files.isRegularFile(file) ? CsvFiles.read(file) : List.of();
    }
}
