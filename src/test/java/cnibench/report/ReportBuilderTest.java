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
