package cnibench.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.BoxStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's charts, drawn with XChart as PNG images. */
final class Charts {
    static final int WIDTH = 960;
    static final int HEIGHT = 440;
    private static final double GBIT = 1e9;

    /** A drawn chart, its title and the caption under it. */
    record Figure(String title, String caption, byte[] png) {
        Figure(String title, byte[] png) {
            this(title, title, png);
        }
    }

    private Charts() {
    }

    /**
     * Every chart for the runs: throughput spread, throughput over time, CPU by mode per node (one
     * chart for the machine where the nodes share its CPU), softirq, network received per node.
     */
    static List<Figure> all(List<RunData> runs) throws IOException {
        boolean several = runs.size() > 1;
        List<Figure> out = new ArrayList<>();
        if (runs.stream().anyMatch(r -> !r.intervals().isEmpty())) {
            out.add(throughputSpread(runs, several));
            out.add(throughputOverTime(runs, several));
        }
        for (RunData run : runs) {
            for (String node : cpuNodes(run)) {
                out.add(cpuByMode(run, node, several));
            }
        }
        if (runs.stream().anyMatch(r -> !r.cpu().nodes().isEmpty())) {
            out.add(softirq(runs, several));
        }
        if (runs.stream().anyMatch(r -> !NetworkRates.receivedBytesPerNode(r.metrics()).isEmpty())) {
            out.add(networkReceived(runs, several));
        }
        return out;
    }

    /** The nodes whose CPU is drawn: every node, or where they share one machine's CPU, the one standing for it. */
    static List<String> cpuNodes(RunData run) {
        CpuWindows cpu = run.cpu();
        if (run.scope().sharedCpu()) {
            return cpu.machineNode() == null ? List.of() : List.of(cpu.machineNode());
        }
        return List.copyOf(cpu.nodes());
    }

    private static Figure throughputSpread(List<RunData> runs, boolean several) throws IOException {
        String title = "Throughput per path (one value per repeat)";
        BoxChart chart = new BoxChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle("Gbit/s").build();
        chart.getStyler().setBoxplotCalCulationMethod(BoxStyler.BoxplotCalCulationMethod.N_LESS_1_PLUS_1);
        style(chart.getStyler());
        if (several) {
            chart.getStyler().setXAxisLabelRotation(12); // long run-and-path names would overlap
        }
        for (RunData run : runs) {
            for (Map.Entry<String, List<Double>> path : repeatThroughputByPath(run).entrySet()) {
                if (path.getValue().isEmpty()) {
                    continue;
                }
                chart.addSeries(name(run, path.getKey(), several), path.getValue().stream().map(v -> v / GBIT).toList());
            }
        }
        return new Figure(title, png(chart));
    }

    private static Figure throughputOverTime(List<RunData> runs, boolean several) throws IOException {
        String title = "Throughput over time (per interval, one line per repeat)";
        XYChart chart = xyChart(title, "seconds into the repeat", "Gbit/s");
        for (RunData run : runs) {
            Map<String, List<IperfInterval>> repeats = new LinkedHashMap<>();
            run.intervals().forEach(i -> repeats.computeIfAbsent(i.repeatKey(), k -> new ArrayList<>()).add(i));
            for (List<IperfInterval> repeat : repeats.values()) {
                IperfInterval first = repeat.get(0);
                String name = name(run, first.path() + " #" + first.run() + "." + first.repeat(), several);
                line(chart, name, repeat.stream().map(IperfInterval::intervalEnd).toList(),
                        repeat.stream().map(i -> i.bitsPerSecond() / GBIT).toList());
            }
        }
        return new Figure(title, png(chart));
    }

    private static Figure cpuByMode(RunData run, String node, boolean several) throws IOException {
        CpuWindows cpu = run.cpu();
        boolean machine = run.scope().sharedCpu();
        String title = "CPU by mode on " + (machine ? "the machine" : node) + (several ? " (" + run.label() + ")" : "")
                + ", % of the " + (machine ? "machine" : "node") + "'s CPU";
        String caption = machine ? title + " — " + run.scope().note() + " (read from " + node + "'s node-exporter)" : title;
        XYChart chart = xyChart(title, "seconds into the run", "%");
        TreeMap<Double, Map<String, Double>> shares = cpu.percentByMode(node);
        double origin = shares.isEmpty() ? 0 : shares.firstKey();
        TreeSet<String> modes = new TreeSet<>();
        shares.values().forEach(m -> modes.addAll(m.keySet()));
        modes.remove(CpuWindows.IDLE);
        for (String mode : modes) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            shares.forEach((t, m) -> {
                x.add(t - origin);
                y.add(m.getOrDefault(mode, 0.0));
            });
            line(chart, mode, x, y);
        }
        return new Figure(title, caption, png(chart));
    }

    private static Figure softirq(List<RunData> runs, boolean several) throws IOException {
        String title = "softirq, % of each node's CPU";
        XYChart chart = xyChart(title, "seconds into the run", "%");
        for (RunData run : runs) {
            CpuWindows cpu = run.cpu();
            for (String node : cpuNodes(run)) {
                TreeMap<Double, Map<String, Double>> shares = cpu.percentByMode(node);
                if (shares.isEmpty()) {
                    continue;
                }
                double origin = shares.firstKey();
                String series = run.scope().sharedCpu() ? "machine" : node;
                line(chart, name(run, series, several), shares.keySet().stream().map(t -> t - origin).toList(),
                        shares.values().stream().map(m -> m.getOrDefault(CpuWindows.SOFTIRQ, 0.0)).toList());
            }
        }
        String caption = title + (runs.stream().anyMatch(r -> r.scope().sharedCpu())
                ? " (\"machine\" where the nodes share one machine's CPU)" : "");
        return new Figure(title, caption, png(chart));
    }

    private static Figure networkReceived(List<RunData> runs, boolean several) throws IOException {
        String title = "Network received per node, all interfaces, Gbit/s";
        XYChart chart = xyChart(title, "seconds into the run", "Gbit/s");
        for (RunData run : runs) {
            for (Map.Entry<String, TreeMap<Double, Double>> node : NetworkRates.receivedBytesPerNode(run.metrics()).entrySet()) {
                double origin = node.getValue().firstKey();
                line(chart, name(run, node.getKey(), several), node.getValue().keySet().stream().map(t -> t - origin).toList(),
                        node.getValue().values().stream().map(bytes -> bytes * 8 / GBIT).toList());
            }
        }
        return new Figure(title, title + " (each node's own counters, also where the nodes share one machine's CPU;"
                + " a tunnelled packet counts on the underlay and again on the tunnel interface)", png(chart));
    }

    static Map<String, List<Double>> repeatThroughputByPath(RunData run) {
        Map<String, Map<String, List<IperfInterval>>> byPath = new LinkedHashMap<>();
        run.intervals().forEach(i -> byPath.computeIfAbsent(i.path(), p -> new LinkedHashMap<>())
                .computeIfAbsent(i.repeatKey(), k -> new ArrayList<>()).add(i));
        Map<String, List<Double>> out = new LinkedHashMap<>();
        byPath.forEach((path, repeats) -> out.put(path,
                repeats.values().stream().map(Summarizer::repeatThroughput).filter(v -> !v.isNaN()).toList()));
        return out;
    }

    static XYChart xyChart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(chart.getStyler());
        return chart;
    }

    static void line(XYChart chart, String name, List<Double> x, List<Double> y) {
        if (x.isEmpty()) {
            return; // XChart refuses a series without points
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
    }

    static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartTitleBoxVisible(false);
    }

    private static String name(RunData run, String series, boolean several) {
        return several ? run.label() + ": " + series : series;
    }

    static <T extends Chart<?, ?>> byte[] png(T chart) throws IOException {
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
}
