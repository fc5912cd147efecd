package cnibench.report;

import static cnibench.report.HtmlParts.escape;
import static cnibench.report.HtmlParts.number;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Renders the report page: plain HTML with inline CSS and images, nothing loaded from elsewhere. */
final class HtmlReport {
    private static final List<String> SUMMARY_HEADINGS = List.of("n", "median Gbit/s", "IQR Gbit/s", "95% CI of mean Gbit/s",
            "retransmits (median)", "RTT µs (median)", "CPU busy % (median)", "softirq % (median)", "overhead %");

    private final List<RunData> runs;
    private final String title;
    private final String baseline;

    HtmlReport(List<RunData> runs, String title, String baseline) {
        this.runs = runs;
        this.title = HtmlParts.title(title, runs.stream().map(RunData::info).toList());
        this.baseline = baseline;
    }

    String render(List<Charts.Figure> figures) {
        List<String> labels = runs.stream().map(RunData::label).toList();
        List<RunInfo> infos = runs.stream().map(RunData::info).toList();
        StringBuilder out = HtmlParts.start(title, infos, labels);
        EnvironmentHtml.render(out, infos, labels);
        summaryTable(out);
        HtmlParts.figures(out, figures);
        return HtmlParts.end(out);
    }

    private void summaryTable(StringBuilder out) {
        Set<String> paths = new LinkedHashSet<>();
        runs.forEach(r -> r.summaries().forEach(s -> paths.add(s.path())));
        if (paths.isEmpty()) {
            return;
        }
        out.append("<h2>Summary</h2>\n<div class=\"wide\"><table class=\"summary\">\n<tr><th rowspan=\"2\">path</th>");
        runs.forEach(r -> out.append("<th class=\"group\" colspan=\"").append(SUMMARY_HEADINGS.size()).append("\">")
                .append(escape(r.label())).append("</th>"));
        out.append("</tr>\n<tr>");
        runs.forEach(r -> SUMMARY_HEADINGS.forEach(h -> out.append("<th>").append(escape(h)).append("</th>")));
        out.append("</tr>\n");
        for (String path : paths) {
            out.append("<tr><th>").append(escape(path)).append("</th>");
            for (RunData run : runs) {
                PathSummary s = run.summaries().stream().filter(p -> p.path().equals(path)).findFirst().orElse(null);
                for (String cell : summaryCells(s)) {
                    out.append("<td class=\"num\">").append(escape(cell)).append("</td>");
                }
            }
            out.append("</tr>\n");
        }
        out.append("</table></div>\n<p class=\"note\">Throughput is taken per repeat (time-weighted mean of its intervals). ")
                .append("Overhead is the throughput lost against the median of the baseline path ")
                .append(escape(baseline != null ? "\"" + baseline + "\"" : "(\"" + Summarizer.DEFAULT_BASELINE + "\", else the first path)"))
                .append(", in percent. CPU figures are taken while the repeats ran");
        if (runs.stream().anyMatch(r -> !r.scope().sharedCpu())) {
            out.append(", of the busiest node");
        }
        out.append(".</p>\n");
        for (RunData run : runs) {
            if (run.scope().sharedCpu()) {
                // the reader must not take one machine's CPU for a node's, nor look for a busiest node
                out.append("<p class=\"note\">").append(runs.size() > 1 ? escape(run.label()) + ": " : "")
                        .append(escape(run.scope().note() + ". Its CPU figures are the machine's; no node is named the busiest.")).append("</p>\n");
            }
        }
    }

    private static List<String> summaryCells(PathSummary s) {
        if (s == null) {
            return SUMMARY_HEADINGS.stream().map(h -> "").toList();
        }
        String node = s.cpuNode().isEmpty() ? "" : " (" + s.cpuNode() + ")";
        return List.of(String.valueOf(s.n()), gbit(s.throughputMedianBps()), gbit(s.throughputIqrBps()),
                Double.isNaN(s.throughputCi95LowBps()) ? "" : gbit(s.throughputCi95LowBps()) + " – " + gbit(s.throughputCi95HighBps()),
                number(s.retransmitsMedian(), 1), number(s.rttMedianUs(), 1),
                Double.isNaN(s.cpuBusyMedianPercent()) ? "" : number(s.cpuBusyMedianPercent(), 1) + node,
                number(s.softirqMedianPercent(), 1), number(s.overheadPercent(), 1));
    }

    private static String gbit(double bps) {
        return number(bps / 1e9, 3);
    }
}
