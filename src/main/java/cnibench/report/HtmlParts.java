package cnibench.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The pieces both report pages share: head and style, the runs table, figures, number and text formatting. */
final class HtmlParts {
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#222}
            h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccc}
            table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
            th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            th{background:#f2f2f2}th.group{text-align:center;background:#e6eef7}
            figure{margin:1rem 0}img{max-width:100%;border:1px solid #ddd}figcaption{font-size:.85rem;color:#555}
            .note{color:#555;font-size:.85rem}.wide{overflow-x:auto}
            .flag{color:#a40000;font-weight:600}tr.flag td{background:#fdecea}
            pre{background:#f7f7f7;padding:.5rem;overflow-x:auto;font-size:.8rem}
            """;

    private HtmlParts() {
    }

    /** The page's title: the one given, else the playbooks of the runs compared. */
    static String title(String given, List<RunInfo> runs) {
        return given != null ? given
                : "cnibench report: " + String.join(" vs ", runs.stream().map(RunInfo::playbook).distinct().toList());
    }

    /** Every report page opens with its head and the table of the runs it compares. */
    static StringBuilder start(String title, List<RunInfo> runs, List<String> labels) {
        StringBuilder out = new StringBuilder();
        head(out, title);
        runsTable(out, runs, labels);
        return out;
    }

    private static void head(StringBuilder out, String title) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(escape(title))
                .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
    }

    static String end(StringBuilder out) {
        return out.append("</body>\n</html>\n").toString();
    }

    /** One column per run: playbook, directory, start, end, duration, outcome. */
    private static void runsTable(StringBuilder out, List<RunInfo> runs, List<String> labels) {
        out.append("<h2>Runs</h2>\n<table>\n");
        headerRow(out, labels);
        row(out, runs, "playbook", RunInfo::playbook);
        row(out, runs, "directory", r -> r.dir().toString());
        row(out, runs, "start", RunInfo::start);
        row(out, runs, "end", RunInfo::end);
        row(out, runs, "duration", r -> duration(r.start(), r.end()));
        row(out, runs, "outcome", RunInfo::outcome);
        out.append("</table>\n");
    }

    static void headerRow(StringBuilder out, List<String> labels) {
        out.append("<tr><th></th>");
        labels.forEach(l -> out.append("<th>").append(escape(l)).append("</th>"));
        out.append("</tr>\n");
    }

    private static void row(StringBuilder out, List<RunInfo> runs, String name, Function<RunInfo, String> value) {
        out.append("<tr><th>").append(escape(name)).append("</th>");
        runs.forEach(r -> out.append("<td>").append(escape(value.apply(r))).append("</td>"));
        out.append("</tr>\n");
    }

    static void figures(StringBuilder out, List<Charts.Figure> figures) {
        if (figures.isEmpty()) {
            return;
        }
        out.append("<h2>Charts</h2>\n");
        for (Charts.Figure figure : figures) {
            out.append("<figure><img alt=\"").append(escape(figure.title())).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(figure.png())).append("\"><figcaption>")
                    .append(escape(figure.caption())).append("</figcaption></figure>\n");
        }
    }

    static String duration(String start, String end) {
        try {
            Duration d = Duration.between(OffsetDateTime.parse(start), OffsetDateTime.parse(end));
            return String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
        } catch (DateTimeParseException e) {
            return "";
        }
    }

    static String number(double value, int decimals) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A configured percent as written in a playbook: 5, 2.5, 33.33. */
    static String percentNumber(double percent) {
        if (Double.isNaN(percent)) {
            return "";
        }
        return BigDecimal.valueOf(Math.round(percent * 100) / 100.0).stripTrailingZeros().toPlainString();
    }

    /** A share (0..1) in percent: one decimal, two below 1 % where one would round small canaries away. */
    static String percent(double share) {
        double p = share * 100;
        return number(p, p > 0 && p < 1 ? 2 : 1);
    }

    /** "4.9 % [4.5, 5.3]": an observed share with its 95 % interval, as a reader quotes it. */
    static String percentWithInterval(double share, double low, double high) {
        if (Double.isNaN(share)) {
            return "";
        }
        String interval = Double.isNaN(low) || Double.isNaN(high) ? "" : " [" + percent(low) + ", " + percent(high) + "]";
        return percent(share) + " %" + interval;
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
