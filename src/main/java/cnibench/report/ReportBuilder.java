package cnibench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the self-contained report.html of one or more run directories: what each run ran with,
 * the per-path summary with the gateway overhead, and the charts embedded as PNG data URIs.
 */
public final class ReportBuilder {

    private ReportBuilder() {
    }

    /**
     * True when the directories hold ingress runs (stages.csv), false for egress runs; the two
     * measure different things and are not compared on one page.
     */
    public static boolean ingress(List<Path> runDirs) {
        long ingress = runDirs.stream().filter(IngressReport::isIngress).count();
        if (ingress > 0 && ingress < runDirs.size()) {
            throw new IllegalArgumentException("cannot compare ingress runs (stages.csv) with egress runs on one page: "
                    + runDirs.stream().map(d -> d + (IngressReport.isIngress(d) ? " (ingress)" : " (egress)")).toList());
        }
        return ingress > 0;
    }

    /** The report of the runs, side by side when there are several; returns the file written. */
    public static Path build(List<Path> runDirs, Path outputHtml) throws IOException {
        return build(runDirs, outputHtml, null, null);
    }

    /**
     * @param title    the page title, or null for one made of the playbook names
     * @param baseline the path the overhead is measured against, or null for "direct" (else each run's first path)
     */
    public static Path build(List<Path> runDirs, Path outputHtml, String title, String baseline) throws IOException {
        if (runDirs.isEmpty()) {
            throw new IllegalArgumentException("no run directory to report on");
        }
        List<RunData> loaded = new ArrayList<>();
        for (Path dir : runDirs) {
            loaded.add(RunData.load(dir, baseline));
        }
        List<String> labels = Labels.unique(loaded.stream().map(RunData::label).toList());
        List<RunData> runs = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            runs.add(loaded.get(i).withLabel(labels.get(i)));
        }
        String html = new HtmlReport(runs, title, baseline).render(Charts.all(runs));
        Path parent = outputHtml.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(outputHtml, html, StandardCharsets.UTF_8);
        return outputHtml;
    }
}
