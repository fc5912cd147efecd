package cnibench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.colors.XChartSeriesColors;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The ingress report's charts: configured against observed canary share per stage with the 95 %
 * interval, latency percentiles per stage, errors and p99 around each route change, and the
 * mirror's share and backend mix. Several runs share each chart, one series per run.
 */
final class IngressCharts {
    private static final Color[] COLORS = new XChartSeriesColors().getSeriesColors();
    private static final Color IDENTITY = new Color(150, 150, 150);

    /** An observed share (percent) with its 95 % interval, drawn at x (percent). */
    record ShareBar(double x, double y, double low, double high) {
    }

    private IngressCharts() {
    }

    static List<Charts.Figure> all(List<IngressRunData> runs) throws IOException {
        List<Charts.Figure> out = new ArrayList<>();
        if (runs.stream().anyMatch(r -> !r.stages().isEmpty())) {
            out.add(stageShares(runs));
            out.add(stageDeviation(runs));
            out.add(stageLatency(runs));
        }
        if (runs.stream().anyMatch(r -> !r.transitions().isEmpty())) {
            out.add(aroundChanges(runs, "Errors per 100 ms around each route change", "errors", Transition::errors));
            out.add(aroundChanges(runs, "p99 latency per 100 ms around each route change", "ms", Transition::p99Ms));
        }
        if (runs.stream().anyMatch(r -> r.mirror().stream().anyMatch(MirrorRow::all))) {
            out.add(mirrorShare(runs));
            out.add(mirrorMix(runs));
        }
        return out;
    }

    /** The points of the stage chart: configured canary percent, observed percent and its interval. */
    static List<ShareBar> shareBars(List<CanaryStage> stages) {
        return stages.stream().map(s -> new ShareBar(s.configuredPercent(), s.observed() * 100, s.low() * 100, s.high() * 100))
                .toList();
    }

    /** The stage chart's points as observed minus configured, in percentage points: the intervals at a readable scale. */
    static List<ShareBar> deviationBars(List<CanaryStage> stages) {
        return shareBars(stages).stream().map(b -> new ShareBar(b.x(), b.y() - b.x(), b.low() - b.x(), b.high() - b.x())).toList();
    }

    /** The points of the mirror chart: configured mirror percent, mirrored percent of all requests and its interval. */
    static List<ShareBar> mirrorBars(List<MirrorRow> rows) {
        return rows.stream().filter(MirrorRow::all)
                .map(m -> new ShareBar(m.mirrorPercent(), m.mirroredShare() * 100, m.low() * 100, m.high() * 100)).toList();
    }

    private static Charts.Figure stageShares(List<IngressRunData> runs) throws IOException {
        String title = "Canary share per stage: configured vs observed (95 % Wilson interval)";
        XYChart chart = Charts.xyChart(title, "configured canary share, %", "observed canary share, %");
        intervalSeries(chart, runs, IngressRunData::stages, CanaryStage::group, IngressCharts::shareBars);
        identity(chart);
        return new Charts.Figure(title, title + "; the grey line is observed = configured, a bar not crossing it is flagged", Charts.png(chart));
    }

    private static Charts.Figure stageDeviation(List<IngressRunData> runs) throws IOException {
        String title = "Observed minus configured canary share per stage (95 % Wilson interval)";
        XYChart chart = Charts.xyChart(title, "configured canary share, %", "percentage points");
        intervalSeries(chart, runs, IngressRunData::stages, CanaryStage::group, IngressCharts::deviationBars);
        XYSeries zero = chart.addSeries("exact split", List.of(0.0, 100.0), List.of(0.0, 0.0));
        zero.setMarker(SeriesMarkers.NONE);
        zero.setLineColor(IDENTITY);
        zero.setLineStyle(SeriesLines.DASH_DASH);
        return new Charts.Figure(title, title + "; a bar that does not cross 0 is a flagged stage", Charts.png(chart));
    }

    private static Charts.Figure stageLatency(List<IngressRunData> runs) throws IOException {
        String title = "Latency percentiles per stage";
        XYChart chart = Charts.xyChart(title, "configured canary share, %", "ms");
        boolean several = runs.size() > 1 || runs.get(0).stages().stream().map(CanaryStage::group).distinct().count() > 1;
        int color = 0;
        for (IngressRunData run : runs) {
            for (Map.Entry<Map<String, String>, List<CanaryStage>> group : byGroup(run.stages(), CanaryStage::group).entrySet()) {
                // one colour per run, one line style per percentile
                Color c = COLORS[color++ % COLORS.length];
                String prefix = several ? run.seriesName(group.getKey()) + ": " : "";
                List<CanaryStage> stages = group.getValue();
                List<Double> x = stages.stream().map(CanaryStage::configuredPercent).toList();
                points(chart, prefix + "p50", x, stages.stream().map(CanaryStage::p50Ms).toList(), c, SeriesMarkers.CIRCLE, SeriesLines.SOLID);
                points(chart, prefix + "p90", x, stages.stream().map(CanaryStage::p90Ms).toList(), c, SeriesMarkers.SQUARE, SeriesLines.DASH_DOT);
                points(chart, prefix + "p99", x, stages.stream().map(CanaryStage::p99Ms).toList(), c, SeriesMarkers.DIAMOND, SeriesLines.DASH_DASH);
            }
        }
        return new Charts.Figure(title, Charts.png(chart));
    }

    private static Charts.Figure aroundChanges(List<IngressRunData> runs, String title, String yTitle,
                                               ToDoubleFunction<Transition> value) throws IOException {
        XYChart chart = Charts.xyChart(title, "seconds since the change was issued", yTitle);
        chart.getStyler().setXAxisDecimalPattern("0.0##");
        boolean several = runs.size() > 1;
        for (IngressRunData run : runs) {
            Map<List<Object>, List<Transition>> changes = new LinkedHashMap<>();
            run.transitions().forEach(t -> changes.computeIfAbsent(t.changeKey(), k -> new ArrayList<>()).add(t));
            for (List<Transition> buckets : changes.values()) {
                Transition first = buckets.get(0);
                String name = (several ? run.seriesName(first.group()) + ": " : "")
                        + HtmlParts.percentNumber(first.fromPercent()) + " → " + HtmlParts.percentNumber(first.toPercent()) + " %";
                List<Double> y = buckets.stream().map(value::applyAsDouble).map(v -> v.isNaN() ? 0 : v).toList();
                Charts.line(chart, name, buckets.stream().map(Transition::tRel).toList(), y);
            }
        }
        return new Charts.Figure(title, title + ", one line per change (x = 0: nginx -s reload issued)", Charts.png(chart));
    }

    private static Charts.Figure mirrorShare(List<IngressRunData> runs) throws IOException {
        String title = "Mirrored share of all requests: configured vs observed (95 % Wilson interval)";
        XYChart chart = Charts.xyChart(title, "configured mirror percent", "observed mirrored share, %");
        intervalSeries(chart, runs, IngressRunData::mirror, MirrorRow::group, IngressCharts::mirrorBars);
        identity(chart);
        return new Charts.Figure(title, Charts.png(chart));
    }

    private static Charts.Figure mirrorMix(List<IngressRunData> runs) throws IOException {
        String title = "Backend mix: of all requests vs of the mirrored requests";
        CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title(title)
                .xAxisTitle("backend").yAxisTitle("% of the requests").build();
        Charts.style(chart.getStyler());
        boolean several = runs.size() > 1;
        for (IngressRunData run : runs) {
            Map<List<Object>, List<MirrorRow>> bySetting = new LinkedHashMap<>();
            run.mirror().forEach(m -> bySetting.computeIfAbsent(List.of(m.group(), m.mirrorPercent()), k -> new ArrayList<>()).add(m));
            for (List<MirrorRow> rows : bySetting.values()) {
                MirrorRow all = rows.stream().filter(MirrorRow::all).findFirst().orElse(null);
                List<MirrorRow> backends = rows.stream().filter(m -> !m.all()).toList();
                if (all == null || backends.isEmpty() || !(all.requests() > 0)) {
                    continue;
                }
                String prefix = (several ? run.seriesName(all.group()) + ", " : "") + "mirror " + HtmlParts.percentNumber(all.mirrorPercent()) + " %: ";
                List<String> labels = backends.stream().map(MirrorRow::label).toList();
                chart.addSeries(prefix + "all requests", labels, backends.stream().map(m -> m.requests() / all.requests() * 100).toList());
                chart.addSeries(prefix + "mirrored requests", labels,
                        backends.stream().map(m -> Double.isNaN(m.shareOfMirrored()) ? 0 : m.shareOfMirrored() * 100).toList());
            }
        }
        return new Charts.Figure(title, title + ": where they differ, mirroring does not sample the traffic independently", Charts.png(chart));
    }

    /** The observed points joined by a line, each with a vertical bar from low to high in the same colour. */
    private static void withIntervals(XYChart chart, String name, List<ShareBar> bars, Color color) {
        if (bars.isEmpty()) {
            return;
        }
        XYSeries points = chart.addSeries(name, bars.stream().map(ShareBar::x).toList(), bars.stream().map(ShareBar::y).toList());
        points.setMarker(SeriesMarkers.CIRCLE);
        points.setMarkerColor(color);
        points.setLineColor(color);
        for (int i = 0; i < bars.size(); i++) {
            ShareBar bar = bars.get(i);
            if (Double.isNaN(bar.low()) || Double.isNaN(bar.high())) {
                continue;
            }
            XYSeries interval = chart.addSeries(name + " interval " + (i + 1), List.of(bar.x(), bar.x()), List.of(bar.low(), bar.high()));
            interval.setMarker(SeriesMarkers.NONE);
            interval.setLineWidth(2f);
            interval.setLineColor(color);
            interval.setShowInLegend(false);
        }
    }

    /** observed = configured, across 0..100 %. */
    private static void identity(XYChart chart) {
        XYSeries line = chart.addSeries("observed = configured", List.of(0.0, 100.0), List.of(0.0, 100.0));
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(IDENTITY);
        line.setLineStyle(SeriesLines.DASH_DASH);
    }

    private static void points(XYChart chart, String name, List<Double> x, List<Double> y, Color color, Marker marker,
                               BasicStroke line) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(marker);
        series.setMarkerColor(color);
        series.setLineColor(color);
        series.setLineStyle(line);
    }

    /** One series of points with interval bars per run and group, each in the next colour. */
    private static <T> void intervalSeries(XYChart chart, List<IngressRunData> runs, Function<IngressRunData, List<T>> rows,
                                           Function<T, Map<String, String>> group, Function<List<T>, List<ShareBar>> bars) {
        int color = 0;
        for (IngressRunData run : runs) {
            for (Map.Entry<Map<String, String>, List<T>> rowsOfGroup : byGroup(rows.apply(run), group).entrySet()) {
                withIntervals(chart, run.seriesName(rowsOfGroup.getKey()), bars.apply(rowsOfGroup.getValue()), COLORS[color++ % COLORS.length]);
            }
        }
    }

    private static <T> Map<Map<String, String>, List<T>> byGroup(List<T> rows, Function<T, Map<String, String>> group) {
        Map<Map<String, String>, List<T>> out = new LinkedHashMap<>();
        rows.forEach(r -> out.computeIfAbsent(group.apply(r), k -> new ArrayList<>()).add(r));
        return out;
    }
}
