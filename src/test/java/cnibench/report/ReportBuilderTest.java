package cnibench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportBuilderTest {
    static final Path RUN1 = Path.of("src/test/resources/report/egress-lab/20261125T120000Z");
    static final Path RUN2 = Path.of("src/test/resources/report/egress-lab/20261125T130000Z");
    private static final Pattern IMAGE = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    @Test
    void reportOfOneRunHasItsTablesAndCharts(@TempDir Path dir) throws Exception {
        Path out = ReportBuilder.build(List.of(RUN1), dir.resolve("report.html"));
        String html = Files.readString(out);

        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<title>cnibench report: egress-lab</title>"));
        assertTrue(html.contains("<tr><th>kernel</th><td>6.18.44</td></tr>"), "environment table");
        assertTrue(html.contains("<tr><th>tunnel.type</th><td>vxlan</td></tr>"), "nested environment keys");
        assertTrue(html.contains("<tr><th>iperf_duration</th><td>2</td></tr>"), "extra vars");
        assertTrue(html.contains("<tr><th>duration</th><td>0:03:25</td></tr>"));
        assertTrue(html.contains("<tr><th>direct</th><td class=\"num\">3</td><td class=\"num\">10.000</td>"), "direct row");
        assertTrue(html.contains("<tr><th>gateway</th><td class=\"num\">3</td><td class=\"num\">8.000</td>"), "gateway row");
        assertTrue(html.contains("<td class=\"num\">20.0</td></tr>"), "gateway overhead in percent");
        assertTrue(html.contains("50.0 (egress-gateway)"), "busiest node's CPU");
        assertFalse(html.contains("http://") || html.contains("https://"), "no external resources");

        // throughput spread, throughput over time, CPU of 2 nodes, softirq
        List<BufferedImage> images = images(html);
        assertEquals(5, images.size());
        for (BufferedImage image : images) {
            assertEquals(960, image.getWidth());
            assertEquals(440, image.getHeight());
        }
    }

    @Test
    void severalRunsAreComparedSideBySide(@TempDir Path dir) throws Exception {
        Path out = ReportBuilder.build(List.of(RUN1, RUN2), dir.resolve("cmp/report.html"), "Lab MTU 1500 vs 1450", "direct");
        String html = Files.readString(out);
        assertTrue(html.contains("<h1>Lab MTU 1500 vs 1450</h1>"));
        assertTrue(html.contains("<th class=\"group\" colspan=\"9\">egress-lab 20261125T120000Z</th>"
                + "<th class=\"group\" colspan=\"9\">egress-lab 20261125T130000Z</th>"));
        assertTrue(html.contains("<tr><th>mtu</th><td>1500</td><td>1450</td></tr>"));
        // the second run's direct path at half the rate, in the same row
        Matcher direct = Pattern.compile("<tr><th>direct</th>(.*?)</tr>").matcher(html);
        assertTrue(direct.find());
        assertTrue(direct.group(1).contains("<td class=\"num\">10.000</td>") && direct.group(1).contains("<td class=\"num\">5.000</td>"));
        // spread, over time, CPU of 2 nodes in each run, softirq
        assertEquals(7, images(html).size());
    }

    @Test
    void runsWithTheSameNameAreToldApart(@TempDir Path dir) throws Exception {
        String html = Files.readString(ReportBuilder.build(List.of(RUN1, RUN1), dir.resolve("report.html")));
        assertTrue(html.contains("<th>egress-lab 20261125T120000Z</th><th>egress-lab 20261125T120000Z (2)</th>"));
    }

    @Test
    void aDirectoryWithoutRunDataIsRefused(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> ReportBuilder.build(List.of(dir), dir.resolve("r.html")));
        assertTrue(e.getMessage().startsWith("no run.json, iperf.csv, metrics.csv or summary.csv in "));
    }

    @Test
    void summaryCsvStandsInForMissingIntervals(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("egress-antrea/20261125T140000Z");
        Files.createDirectories(run);
        CsvFiles.write(run.resolve("summary.csv"), PathSummary.COLUMNS, List.of(
                new PathSummary("direct", 5, 9e9, 9e9, 1e8, 8.9e9, 9.1e9, 3, 70, 40, 10, "worker", 0).toRow(),
                new PathSummary("antrea-egress", 5, 6.3e9, 6.3e9, 1e8, 6.2e9, 6.4e9, 30, 120, 80, 35, "gw", 30).toRow()));
        String html = Files.readString(ReportBuilder.build(List.of(run), run.resolve("report.html")));
        assertTrue(html.contains("<tr><th>playbook</th><td>egress-antrea</td></tr>"));
        assertTrue(html.contains("<tr><th>antrea-egress</th><td class=\"num\">5</td><td class=\"num\">6.300</td>"));
        assertTrue(html.contains("<td class=\"num\">30.0</td></tr>"));
        assertEquals(0, images(html).size());
    }

    @Test
    void aNamespaceLabRunShowsOneMachineCpuChartAndItsEnvironment(@TempDir Path dir) throws Exception {
        String html = Files.readString(ReportBuilder.build(List.of(RunInfoTest.LAB_RUN), dir.resolve("report.html")));

        assertTrue(html.contains("<tr><th>playbook</th><td>egress-lab</td></tr>"));
        assertTrue(html.contains("<tr><th>start</th><td>2026-12-03T07:35:17.932789443Z</td></tr>"));
        assertTrue(html.contains("<tr><th>end</th><td>2026-12-03T07:35:46.310579832Z</td></tr>"));
        assertTrue(html.contains("<tr><th>duration</th><td>0:00:28</td></tr>"));
        assertTrue(html.contains("<tr><th>outcome</th><td>ok</td></tr>"));
        // three nodes, one kernel: one CPU chart, said to be the machine's
        assertEquals(1, html.split("<figure><img alt=\"CPU by mode on ", -1).length - 1);
        assertTrue(html.contains("<figcaption>CPU by mode on the machine, % of the machine&#39;s CPU — one kernel: CPU is the machine&#39;s"));
        assertTrue(Pattern.compile("<td class=\"num\">\\d+\\.\\d \\(machine\\)</td>").matcher(html).find());
        assertFalse(html.contains("(control-plane)") || html.contains("(worker)") || html.contains("(egress-gateway)"),
                "no node named the busiest");
        assertTrue(html.contains("no node is named the busiest"));
        // kernel and versions, and every interface's MTU and offloads
        assertTrue(html.contains("<tr><th>versions.kernel</th><td>6.18.44-fc-v1098</td></tr>"));
        assertTrue(html.contains("<tr><th>tunnel.mtu</th><td>1450</td></tr>"));
        assertTrue(html.contains("<tr><td>worker</td><td>cnb-tun0</td><td>vxlan</td><td class=\"num\">1450</td>"
                + "<td>generic-receive-offload, generic-segmentation-offload, rx-checksumming, scatter-gather, tcp-segmentation-offload, tx-checksumming</td>"));
        // spread, over time, the machine's CPU, softirq, network received per node
        assertEquals(5, images(html).size());
        assertTrue(html.contains("<figcaption>Network received per node, all interfaces, Gbit/s"));
    }

    /** The run's own report is written before run.json exists. */
    @Test
    void theReportARunWritesOfItselfHasItsStart(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("egress-lab/20261203T073517Z");
        Files.createDirectories(run);
        for (String file : List.of("iperf.csv", "metrics.csv", "environment.json")) {
            Files.copy(RunInfoTest.LAB_RUN.resolve(file), run.resolve(file));
        }
        Files.writeString(run.resolve("events.jsonl"), "{\"time\": \"2026-12-03T07:35:44Z\", \"task\": \"lab_report : Summarize\"}\n");
        String html = Files.readString(ReportBuilder.build(List.of(run), run.resolve("report.html")));
        assertTrue(html.contains("<tr><th>start</th><td>2026-12-03T07:35:17Z</td></tr>"));
        assertTrue(html.contains("<tr><th>duration</th><td>0:00:27</td></tr>"));
        assertTrue(html.contains("<tr><th>outcome</th><td>running (this report was written by the run itself)</td></tr>"));
        assertTrue(html.contains("<tr><th>versions.kernel</th><td>6.18.44-fc-v1098</td></tr>"));
        assertEquals(5, images(html).size(), "one kernel from environment.json: one CPU chart");
    }

    @Test
    void aKindRunShowsTheHostsCpuOnceAndNamesNoBusiestNode(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("egress-cilium/20261125T150000Z");
        Files.createDirectories(run);
        for (String file : List.of("iperf.csv", "metrics.csv")) {
            Files.copy(RUN1.resolve(file), run.resolve(file));
        }
        Files.writeString(run.resolve("run.json"), """
                {"playbook": "playbooks/egress-cilium.yml", "start": "2026-11-25T15:00:00Z", "end": "2026-11-25T15:06:00Z",
                 "recap": {"localhost": {"ok": 50, "failed": 0, "unreachable": 0}},
                 "tasks": [{"task": "create_kind_cluster : Create the kind cluster"}]}
                """);
        String html = Files.readString(ReportBuilder.build(List.of(run), run.resolve("report.html")));
        assertTrue(html.contains("kind: the nodes are containers on one host, so node-exporter&#39;s CPU and memory are the host&#39;s for every node"));
        assertFalse(html.contains("(egress-gateway)"), "no busiest node");
        assertTrue(html.contains(" (machine)</td>"));
        // spread, over time, the host's CPU once (not the two nodes'), softirq
        assertEquals(4, images(html).size());
    }

    static List<BufferedImage> images(String html) throws IOException {
        List<BufferedImage> out = new ArrayList<>();
        Matcher m = IMAGE.matcher(html);
        while (m.find()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
            assertNotNull(image, "an embedded PNG that decodes");
            out.add(image);
        }
        return out;
    }
}
