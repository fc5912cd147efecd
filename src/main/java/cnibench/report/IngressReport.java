package cnibench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the ingress report of one or more run directories: transitions.csv in each, and one
 * self-contained report.html. A stage whose configured canary share lies outside its observed
 * interval is reported, never an error: a benchmark measures how far the data plane is off.
 */
public final class IngressReport {
    /** The backend label of the canary when none is named. */
    public static final String DEFAULT_CANARY_LABEL = "canary";

    /**
     * @param html           the report written
     * @param transitions    the transitions.csv files written (runs without route changes have none)
     * @param outsideInterval one sentence per stage whose configured share lies outside the observed interval
     */
    public record Result(Path html, List<Path> transitions, List<String> outsideInterval) {
    }

    private IngressReport() {
    }

    /** True when the directory holds an ingress run (stages.csv). */
    public static boolean isIngress(Path dir) {
        return IngressRunData.isIngress(dir);
    }

    public static Result build(List<Path> runDirs, Path outputHtml, String title, String canaryLabel) throws IOException {
        String canary = canaryLabel != null ? canaryLabel : DEFAULT_CANARY_LABEL;
        List<IngressRunData> loaded = new ArrayList<>();
        for (Path dir : runDirs) {
            loaded.add(IngressRunData.load(dir, canary));
        }
        List<String> labels = Labels.unique(loaded.stream().map(IngressRunData::label).toList());
        List<IngressRunData> runs = new ArrayList<>();
        List<Path> transitions = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            IngressRunData run = loaded.get(i).withLabel(labels.get(i));
            runs.add(run);
            Path written = run.writeTransitions();
            if (written != null) {
                transitions.add(written);
            }
        }
        String html = new IngressHtml(runs, title).render(IngressCharts.all(runs));
        Path parent = outputHtml.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(outputHtml, html, StandardCharsets.UTF_8);
        return new Result(outputHtml, transitions, outsideInterval(runs));
    }

    /** "lab 2026...: stage 5 %: observed 3.1 % [2.5, 3.8], configured 5 % outside the 95 % interval", one per such stage. */
    static List<String> outsideInterval(List<IngressRunData> runs) {
        List<String> out = new ArrayList<>();
        for (IngressRunData run : runs) {
            for (CanaryStage stage : run.stages()) {
                if (stage.outsideInterval()) {
                    out.add(run.seriesName(stage.group()) + ": " + stage.summary() + ", configured "
                            + HtmlParts.percentNumber(stage.configuredPercent()) + " % outside the 95 % interval");
                }
            }
        }
        return out;
    }
}
