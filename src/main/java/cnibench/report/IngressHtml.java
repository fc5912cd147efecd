package cnibench.report;

import static cnibench.report.HtmlParts.escape;
import static cnibench.report.HtmlParts.number;
import static cnibench.report.HtmlParts.percent;
import static cnibench.report.HtmlParts.percentNumber;
import static cnibench.report.HtmlParts.percentWithInterval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ingress report page: runs, the observed split per stage in words and as a table (stages
 * whose configured share lies outside the observed interval flagged), the route changes, the
 * mirror, the charts, and what the runs were measured on.
 */
final class IngressHtml {
    private final List<IngressRunData> runs;
    private final String title;

    IngressHtml(List<IngressRunData> runs, String title) {
        this.runs = runs;
        this.title = HtmlParts.title(title, runs.stream().map(IngressRunData::info).toList());
    }

    String render(List<Charts.Figure> figures) {
        List<String> labels = runs.stream().map(IngressRunData::label).toList();
        List<RunInfo> infos = runs.stream().map(IngressRunData::info).toList();
        StringBuilder out = HtmlParts.start(title, infos, labels);
        observedSplit(out);
        stageTables(out);
        changesTable(out);
        mirrorTable(out);
        HtmlParts.figures(out, figures);
        EnvironmentHtml.render(out, infos, labels);
        return HtmlParts.end(out);
    }

    /** Every stage in one sentence, "stage 5 %: observed 4.9 % [4.5, 5.3]", the ones off their interval marked. */
    private void observedSplit(StringBuilder out) {
        List<String> outside = IngressReport.outsideInterval(runs);
        out.append("<h2>Observed split</h2>\n");
        if (runs.stream().allMatch(r -> r.stages().isEmpty())) {
            out.append("<p>stages.csv holds no stage.</p>\n");
            return;
        }
        if (outside.isEmpty()) {
            out.append("<p>Every stage's configured canary share lies inside the observed 95 % interval.</p>\n");
        } else {
            out.append("<p class=\"flag\">").append(outside.size()).append(outside.size() == 1 ? " stage's" : " stages'")
                    .append(" configured canary share lies outside the observed 95 % interval (expect 1 in 20 by chance alone):</p>\n<ul>\n");
            outside.forEach(s -> out.append("<li class=\"flag\">").append(escape(s)).append("</li>\n"));
            out.append("</ul>\n");
        }
        for (IngressRunData run : runs) {
            for (Map.Entry<Map<String, String>, List<CanaryStage>> group : groups(run).entrySet()) {
                out.append("<p><b>").append(escape(run.seriesName(group.getKey()))).append("</b></p>\n<ul>\n");
                for (CanaryStage stage : group.getValue()) {
                    out.append(stage.outsideInterval() ? "<li class=\"flag\">" : "<li>").append(escape(stage.summary()))
                            .append(stage.outsideInterval() ? escape(" — configured " + percentNumber(stage.configuredPercent())
                                    + " % lies outside the interval") : "").append("</li>\n");
                }
                out.append("</ul>\n");
            }
        }
    }

    private void stageTables(StringBuilder out) {
        out.append("<h2>Stages</h2>\n");
        for (IngressRunData run : runs) {
            for (Map.Entry<Map<String, String>, List<CanaryStage>> group : groups(run).entrySet()) {
                out.append("<h3>").append(escape(run.seriesName(group.getKey()))).append("</h3>\n<div class=\"wide\"><table>\n<tr>");
                for (String h : List.of("stage", "configured canary %", "observed canary % [95 % interval]", "canary / answered",
                        "requests", "req/s", "errors", "p50 ms", "p90 ms", "p99 ms", "max ms", "split check")) {
                    out.append("<th>").append(escape(h)).append("</th>");
                }
                out.append("</tr>\n");
                for (CanaryStage s : group.getValue()) {
                    out.append(s.outsideInterval() ? "<tr class=\"flag\">" : "<tr>").append("<td>").append(escape(s.stage())).append("</td>");
                    cells(out, percentNumber(s.configuredPercent()), percentWithInterval(s.observed(), s.low(), s.high()),
                            number(s.canaryResponses(), 0) + " / " + number(s.responses(), 0), number(s.requests(), 0),
                            number(s.requestsPerSecond(), 1), number(s.errors(), 0), number(s.p50Ms(), 2), number(s.p90Ms(), 2),
                            number(s.p99Ms(), 2), number(s.maxMs(), 2));
                    out.append("<td>").append(s.outsideInterval() ? "<span class=\"flag\">outside the interval</span>" : "inside")
                            .append("</td></tr>\n");
                }
                out.append("</table></div>\n");
            }
        }
        out.append("<p class=\"note\">Observed canary share: of the answered requests, the canary's, with its 95 % Wilson score interval. ")
                .append("Requests, rate, errors and latency are the whole stage's.</p>\n");
    }

    private void changesTable(StringBuilder out) {
        List<String> rows = new ArrayList<>();
        for (IngressRunData run : runs) {
            for (ChangeSummary c : ChangeSummary.of(run.transitions())) {
                StringBuilder row = new StringBuilder("<tr><td>").append(escape(run.seriesName(c.group()))).append("</td><td>")
                        .append(escape(percentNumber(c.fromPercent()) + " → " + percentNumber(c.toPercent()) + " %")).append("</td>");
                cells(row, number(c.answeredAfter(), 3), number(c.firstTRel(), 1) + " … " + number(c.lastTRel(), 1),
                        number(c.requests(), 0), number(c.errors(), 0),
                        Double.isNaN(c.errorRate()) ? "" : percent(c.errorRate()) + " %", number(c.maxP99Ms(), 2), number(c.maxMs(), 2));
                rows.add(row.append("</tr>\n").toString());
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        out.append("<h2>Route changes</h2>\n<div class=\"wide\"><table>\n<tr>");
        for (String h : List.of("run", "change (canary %)", "new configuration answered after s", "buckets recorded, s from the change",
                "requests", "errors", "error rate", "max p99 ms", "max ms")) {
            out.append("<th>").append(escape(h)).append("</th>");
        }
        out.append("</tr>\n");
        rows.forEach(out::append);
        out.append("</table></div>\n<p class=\"note\">Per change, over the 100 ms buckets recorded around it (transitions.csv); ")
                .append("time 0 is when nginx -s reload was issued.</p>\n");
    }

    private void mirrorTable(StringBuilder out) {
        if (runs.stream().allMatch(r -> r.mirror().isEmpty())) {
            return;
        }
        out.append("<h2>Mirroring</h2>\n<div class=\"wide\"><table>\n<tr>");
        for (String h : List.of("run", "mirror %", "backend", "requests", "mirrored", "mirrored share [95 % interval]",
                "share of all requests", "share of mirrored requests")) {
            out.append("<th>").append(escape(h)).append("</th>");
        }
        out.append("</tr>\n");
        for (IngressRunData run : runs) {
            Map<List<Object>, Double> totals = new LinkedHashMap<>();
            run.mirror().stream().filter(MirrorRow::all).forEach(m -> totals.put(List.of(m.group(), m.mirrorPercent()), m.requests()));
            for (MirrorRow m : run.mirror()) {
                double total = totals.getOrDefault(List.of(m.group(), m.mirrorPercent()), Double.NaN);
                out.append("<tr><td>").append(escape(run.seriesName(m.group()))).append("</td>");
                cells(out, percentNumber(m.mirrorPercent()), m.label(), number(m.requests(), 0), number(m.mirrored(), 0),
                        percentWithInterval(m.mirroredShare(), m.low(), m.high()),
                        total > 0 ? percent(m.requests() / total) + " %" : "",
                        Double.isNaN(m.shareOfMirrored()) ? "" : percent(m.shareOfMirrored()) + " %");
                out.append("</tr>\n");
            }
        }
        out.append("</table></div>\n<p class=\"note\">A backend's share of the mirrored requests far from its share of all requests ")
                .append("means the mirror does not sample the traffic independently (NGINX and Envoy decide both from the same request id).</p>\n");
    }

    private static Map<Map<String, String>, List<CanaryStage>> groups(IngressRunData run) {
        Map<Map<String, String>, List<CanaryStage>> out = new LinkedHashMap<>();
        run.stages().forEach(s -> out.computeIfAbsent(s.group(), k -> new ArrayList<>()).add(s));
        return out;
    }

    private static void cells(StringBuilder out, String... values) {
        for (String value : values) {
            out.append("<td class=\"num\">").append(escape(value)).append("</td>");
        }
    }
}
