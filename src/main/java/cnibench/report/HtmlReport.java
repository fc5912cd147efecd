package cnibench.report;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Renders the report page: plain HTML with inline CSS and images, nothing loaded from elsewhere. */
final class HtmlReport {
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#222}
            h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccc}
            table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
            th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            th{background:#f2f2f2}th.group{text-align:center;background:#e6eef7}
            figure{margin:1rem 0}img{max-width:100%;border:1px solid #ddd}figcaption{font-size:.85rem;color:#555}
            .note{color:#555;font-size:.85rem}.wide{overflow-x:auto}
            """;
    private static final List<String> SUMMARY_HEADINGS = List.of("n", "median Gbit/s", "IQR Gbit/s", "95% CI of mean Gbit/s",
            "retransmits (median)", "RTT µs (median)", "CPU busy % (median)", "softirq % (median)", "overhead %");

    private final List<RunData> runs;
    private final String title;
    private final String baseline;

    HtmlReport(List<RunData> runs, String title, String baseline) {
        this.runs = runs;
        this.title = title != null ? title
                : "cnibench report: " + String.join(" vs ", runs.stream().map(RunData::playbook).distinct().toList());
        this.baseline = baseline;
    }

    String render(List<Charts.Figure> figures) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(escape(title))
                .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
        runsTable(out);
        keyValueTable(out, "Environment", "environment");
        keyValueTable(out, "Extra vars", "extra_vars");
        summaryTable(out);
        if (!figures.isEmpty()) {
            out.append("<h2>Charts</h2>\n");
            for (Charts.Figure figure : figures) {
                out.append("<figure><img alt=\"").append(escape(figure.title())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(figure.png())).append("\"><figcaption>")
                        .append(escape(figure.title())).append("</figcaption></figure>\n");
            }
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private void runsTable(StringBuilder out) {
        out.append("<h2>Runs</h2>\n<table>\n");
        headerRow(out, "");
        row(out, "playbook", RunData::playbook);
        row(out, "directory", r -> r.dir().toString());
        row(out, "start", r -> text(r.runJson().get("start")));
        row(out, "end", r -> text(r.runJson().get("end")));
        row(out, "duration", r -> duration(r.runJson().get("start"), r.runJson().get("end")));
        out.append("</table>\n");
    }

    private void keyValueTable(StringBuilder out, String heading, String section) {
        List<Map<String, String>> flat = runs.stream().map(r -> flatten(r.section(section))).toList();
        Set<String> keys = new LinkedHashSet<>();
        flat.forEach(m -> keys.addAll(m.keySet()));
        if (keys.isEmpty()) {
            return;
        }
        out.append("<h2>").append(escape(heading)).append("</h2>\n<table>\n");
        headerRow(out, "");
        for (String key : keys) {
            out.append("<tr><th>").append(escape(key)).append("</th>");
            flat.forEach(m -> out.append("<td>").append(escape(m.getOrDefault(key, ""))).append("</td>"));
            out.append("</tr>\n");
        }
        out.append("</table>\n");
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
                .append(", in percent. CPU figures are of the busiest node while the repeats ran.</p>\n");
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

    private void headerRow(StringBuilder out, String corner) {
        out.append("<tr><th>").append(escape(corner)).append("</th>");
        runs.forEach(r -> out.append("<th>").append(escape(r.label())).append("</th>"));
        out.append("</tr>\n");
    }

    private void row(StringBuilder out, String name, Function<RunData, String> value) {
        out.append("<tr><th>").append(escape(name)).append("</th>");
        runs.forEach(r -> out.append("<td>").append(escape(value.apply(r))).append("</td>"));
        out.append("</tr>\n");
    }

    /** Nested maps become dotted keys, lists and scalars their text. */
    static Map<String, String> flatten(Map<String, Object> map) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", map, out);
        return out;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, String> out) {
        map.forEach((k, v) -> {
            String key = prefix + k;
            if (v instanceof Map<?, ?> nested && !nested.isEmpty()) {
                flatten(key + ".", nested, out);
            } else {
                out.put(key, text(v));
            }
        });
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(i -> items.add(text(i)));
            return String.join(", ", items);
        }
        return String.valueOf(value);
    }

    private static String duration(Object start, Object end) {
        try {
            Duration d = Duration.between(OffsetDateTime.parse(text(start)), OffsetDateTime.parse(text(end)));
            return String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
        } catch (DateTimeParseException e) {
            return "";
        }
    }

    private static String gbit(double bps) {
        return number(bps / 1e9, 3);
    }

    private static String number(double value, int decimals) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
