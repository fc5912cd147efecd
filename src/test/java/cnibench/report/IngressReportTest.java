package cnibench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngressReportTest {
    static final Path LAB = Path.of("src/test/resources/report/ingress-lab/20261201T100000Z");
    static final Path CILIUM = Path.of("src/test/resources/report/ingress-cilium/20261201T110000Z");

    @Test
    void transitionsJoinEveryTimelineBucketWithItsChange(@TempDir Path dir) throws Exception {
        Path run = copy(LAB, dir);
        IngressReport.Result result = IngressReport.build(List.of(run), run.resolve("report.html"), null, null);

        assertEquals(List.of(run.resolve("transitions.csv")), result.transitions());
        List<Map<String, String>> rows = CsvFiles.read(run.resolve("transitions.csv"));
        assertEquals(List.of("run", "stage", "from_canary_percent", "to_canary_percent", "t_rel", "requests", "errors",
                "error_rate", "canary_share", "latency_p50_ms", "latency_p99_ms", "latency_max_ms", "answered_after_s"),
                List.copyOf(rows.get(0).keySet()));
        assertEquals(10, rows.size());
        // the bucket the 0 -> 5 % reload landed in: 2 of 18 requests failed, nothing from the canary yet
        assertEquals(List.of("1", "2", "0", "5", "0", "18", "2", "0.111111", "0", "1.3", "40", "55", "0.35"),
                List.copyOf(rows.get(2).values()));
        assertEquals("-0.2", rows.get(0).get("t_rel"));
        assertEquals("0.05", rows.get(3).get("canary_share"));
        // 25 -> 50 %: the bucket of the reload answered nothing, so it has no canary share
        Map<String, String> reload = rows.get(7);
        assertEquals(List.of("4", "25", "50", "0", "1", ""), List.of(reload.get("stage"), reload.get("from_canary_percent"),
                reload.get("to_canary_percent"), reload.get("t_rel"), reload.get("error_rate"), reload.get("canary_share")));
        assertEquals("0.12", reload.get("answered_after_s"));
        assertEquals("0.5", rows.get(8).get("canary_share"));
    }

    @Test
    void aStageOutsideItsIntervalIsFlaggedNotFailed(@TempDir Path dir) throws Exception {
        Path run = copy(LAB, dir);
        IngressReport.Result result = IngressReport.build(List.of(run), run.resolve("report.html"), null, null);

        assertEquals(List.of("ingress-lab 20261201T100000Z: stage 50 %: observed 45.0 % [42.8, 47.2], configured 50 % outside the 95 % interval"),
                result.outsideInterval());
        String html = Files.readString(result.html());
        assertTrue(html.contains("<p class=\"flag\">1 stage's configured canary share lies outside the observed 95 % interval"));
        assertTrue(html.contains("<li class=\"flag\">stage 50 %: observed 45.0 % [42.8, 47.2] — configured 50 % lies outside the interval</li>"));
        assertTrue(html.contains("<li>stage 5 %: observed 4.9 % [4.0, 5.9]</li>"));
        assertTrue(html.contains("<tr class=\"flag\"><td>4</td><td class=\"num\">50</td>"));
        assertEquals(1, count(html, "<tr class=\"flag\">"), "only the 50 % stage");
    }

    @Test
    void htmlHasTheStageTableChangesMirrorAndEnvironment(@TempDir Path dir) throws Exception {
        Path run = copy(LAB, dir);
        String html = Files.readString(IngressReport.build(List.of(run), run.resolve("report.html"), null, null).html());

        assertTrue(html.contains("<title>cnibench report: ingress-lab</title>"));
        assertTrue(html.contains("<tr><th>duration</th><td>0:02:05</td></tr>"));
        assertTrue(html.contains("<tr><th>outcome</th><td>ok</td></tr>"));
        // stage 3: configured 25 %, observed with its interval, 510 of 2000 answered by the canary, 2 errors, latencies
        assertTrue(html.contains("<tr><td>3</td><td class=\"num\">25</td><td class=\"num\">25.5 % [23.6, 27.5]</td>"
                + "<td class=\"num\">510 / 2000</td><td class=\"num\">2002</td><td class=\"num\">200.2</td><td class=\"num\">2</td>"
                + "<td class=\"num\">1.20</td><td class=\"num\">2.20</td><td class=\"num\">5.50</td><td class=\"num\">12.00</td><td>inside</td></tr>"));
        // the 0 % stage has no canary line: 0 of 2000 with the Wilson interval computed
        assertTrue(html.contains("<td class=\"num\">0.0 % [0.0, 0.19]</td><td class=\"num\">0 / 2000</td>"));
        assertTrue(html.contains("<td>0 → 5 %</td><td class=\"num\">0.350</td><td class=\"num\">-0.2 … 0.2</td>"
                + "<td class=\"num\">98</td><td class=\"num\">2</td><td class=\"num\">2.0 %</td><td class=\"num\">40.00</td>"));
        assertTrue(html.contains("<td class=\"num\">stable</td><td class=\"num\">1210</td><td class=\"num\">790</td>"
                + "<td class=\"num\">65.3 % [62.6, 67.9]</td><td class=\"num\">60.5 %</td><td class=\"num\">100.0 %</td>"));
        assertTrue(html.contains("<tr><th>versions.nginx</th><td>nginx/1.22.1</td></tr>"));
        assertTrue(html.contains("<details><summary>nginx_conf</summary><pre>split_clients $request_id $backend {\n    50.00% canary;"));
        assertTrue(html.contains("<details><summary>route</summary><pre>apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute"));
        assertFalse(html.contains("http://") || html.contains("https://"), "nothing loaded from elsewhere");
        // shares, deviation, latency; errors and p99 around the changes; mirror share and mix
        assertEquals(7, ReportBuilderTest.images(html).size());
    }

    @Test
    void severalRunsSideBySide(@TempDir Path dir) throws Exception {
        Path lab = copy(LAB, dir);
        Path cilium = copy(CILIUM, dir);
        IngressReport.Result result = IngressReport.build(List.of(lab, cilium), dir.resolve("comparison.html"), "Lab vs Cilium", null);
        String html = Files.readString(result.html());

        assertEquals(List.of(lab.resolve("transitions.csv")), result.transitions(), "Cilium's run recorded no route change");
        assertTrue(html.contains("<h1>Lab vs Cilium</h1>"));
        assertTrue(html.contains("<tr><th></th><th>ingress-lab 20261201T100000Z</th><th>ingress-cilium 20261201T110000Z</th></tr>"));
        assertTrue(html.contains("<tr><th>outcome</th><td>ok</td><td>failed (localhost: failed=1 unreachable=0)</td></tr>"));
        assertTrue(html.contains("<h3>ingress-lab 20261201T100000Z</h3>") && html.contains("<h3>ingress-cilium 20261201T110000Z</h3>"));
        assertTrue(html.contains("<li>stage 50 %: observed 49.7 % [46.6, 52.8]</li>"));
        assertTrue(html.contains("<tr><th>versions.cilium</th><td></td><td>1.20.1</td></tr>"));
        assertEquals(7, ReportBuilderTest.images(html).size());
    }

    @Test
    void repeatsInOneDirectoryAreNamedByTheirRunColumn(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("ingress-lab/20261201T120000Z");
        Files.createDirectories(run);
        String header = "run,stage,canary_percent,label,responses,share,share_ci95_low,share_ci95_high,requests\n";
        Files.writeString(run.resolve("stages.csv"), header
                + "1,1,50,canary,50,0.5,0.4,0.6,100\n1,1,50,stable,50,0.5,0.4,0.6,100\n"
                + "2,1,50,canary,30,0.3,0.2,0.4,100\n2,1,50,stable,70,0.7,0.6,0.8,100\n");
        IngressReport.Result result = IngressReport.build(List.of(run), run.resolve("report.html"), null, null);
        assertEquals(List.of("ingress-lab 20261201T120000Z run=2: stage 50 %: observed 30.0 % [20.0, 40.0], configured 50 % outside the 95 % interval"),
                result.outsideInterval());
        String html = Files.readString(result.html());
        assertTrue(html.contains("<h3>ingress-lab 20261201T120000Z run=1</h3>"));
        assertTrue(html.contains("<p><b>ingress-lab 20261201T120000Z run=2</b></p>"));
    }

    @Test
    void aCanaryLabelOtherThanCanary(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("ingress-lab/20261201T130000Z");
        Files.createDirectories(run);
        Files.writeString(run.resolve("stages.csv"), "stage,canary_percent,label,responses,requests\n"
                + "1,25,v1,750,1000\n1,25,v2,250,1000\n");
        IngressReport.Result result = IngressReport.build(List.of(run), run.resolve("report.html"), null, "v2");
        assertTrue(result.outsideInterval().isEmpty());
        assertTrue(Files.readString(result.html()).contains("<li>stage 25 %: observed 25.0 % [22.4, 27.8]</li>"));
    }

    @Test
    void ingressAndEgressRunsAreNotMixed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReportBuilder.ingress(List.of(LAB, ReportBuilderTest.RUN1)));
        assertTrue(e.getMessage().startsWith("cannot compare ingress runs (stages.csv) with egress runs on one page"));
        assertTrue(ReportBuilder.ingress(List.of(LAB, CILIUM)));
        assertFalse(ReportBuilder.ingress(List.of(ReportBuilderTest.RUN1)));
    }

    static Path copy(Path run, Path dir) throws IOException {
        Path target = dir.resolve(run.getParent().getFileName()).resolve(run.getFileName());
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(run)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
