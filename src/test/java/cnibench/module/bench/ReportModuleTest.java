package cnibench.module.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ModuleRegistry;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import cnibench.report.CsvFiles;
import cnibench.report.IperfInterval;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportModuleTest {
    private static final Path FIXTURES = Path.of("src/test/resources/report/egress-lab");

    @Test
    void writesSummaryAndReportIntoTheRunDirectory(@TempDir Path dir) throws Exception {
        Path run = copyRun("20261125T120000Z", dir);
        ModuleResult result = new TestModuleContext(dir).run(new ReportModule(),
                Map.of("run_dir", "results/egress-lab/20261125T120000Z", "title", "Egress lab", "baseline", "gateway"));

        assertTrue(result.isChanged());
        assertEquals(run.resolve("report.html").toString(), result.field("path"));
        assertEquals(run.resolve("summary.csv").toString(), result.field("summary"));
        assertEquals("-25", CsvFiles.read(run.resolve("summary.csv")).get(0).get("overhead_percent"));
        String html = Files.readString(run.resolve("report.html"));
        assertTrue(html.contains("<h1>Egress lab</h1>"));
        assertTrue(html.contains("baseline path &quot;gateway&quot;"));
    }

    @Test
    void comparesWithOtherRuns(@TempDir Path dir) throws Exception {
        copyRun("20261125T120000Z", dir);
        copyRun("20261125T130000Z", dir);
        ModuleResult result = new TestModuleContext(dir).run(new ReportModule(), Map.of(
                "run_dir", "results/egress-lab/20261125T130000Z",
                "compare_with", List.of("results/egress-lab/20261125T120000Z"),
                "output", "results/compare.html"));
        String html = Files.readString(dir.resolve("results/compare.html"));
        assertEquals(dir.resolve("results/compare.html").toString(), result.field("path"));
        assertTrue(html.indexOf("egress-lab 20261125T130000Z</th>") < html.indexOf("egress-lab 20261125T120000Z</th>"));
    }

    /** iperf3 and prometheus_query fill iperf.csv and metrics.csv; the report module reads them. */
    @Test
    void modulesFillTheCsvFilesTheReportReads(@TempDir Path dir) throws Exception {
        TestModuleContext context = new TestModuleContext(dir);
        Path fixtures = Path.of("src/test/resources/iperf3").toAbsolutePath();
        for (String path : List.of("direct", "gateway")) {
            for (int repeat = 1; repeat <= 2; repeat++) {
                ModuleResult parsed = context.run(new Iperf3Module(), Map.of("json_file", fixtures.resolve("tcp.json").toString(),
                        "csv_dest", "results/lab/1/iperf.csv", "csv_labels", Map.of("repeat", repeat, "path", path)));
                assertEquals(4, parsed.field("csv_rows"));
            }
        }
        List<Map<String, String>> iperf = CsvFiles.read(dir.resolve("results/lab/1/iperf.csv"));
        assertEquals(16, iperf.size());
        assertEquals(IperfInterval.COLUMNS, List.copyOf(iperf.get(13).keySet()));
        assertEquals(List.of("1", "2", "gateway", "0.500072", "1.000039", "22923383898.550835", "0", "50", "916762",
                "1795612585", "1795612587.000127"), List.copyOf(iperf.get(13).values()));

        try (PrometheusStub prometheus = new PrometheusStub("""
                {"status":"success","data":{"resultType":"matrix","result":[
                 {"metric":{"mode":"idle","node":"gw"},"values":[[1795612585,"1.5"],[1795612586,"1.5"]]},
                 {"metric":{"mode":"softirq","node":"gw"},"values":[[1795612585,"0.5"],[1795612586,"0.5"]]}]}}""")) {
            ModuleResult cpu = context.run(new PrometheusQueryModule(), Map.of("url", prometheus.url(), "type", "range",
                    "query", "sum by (node, mode) (rate(node_cpu_seconds_total[5s]))", "start", 1795612585, "end", 1795612587,
                    "step", 1, "csv_dest", "results/lab/1/metrics.csv", "csv_columns", List.of("timestamp", "node", "metric", "mode", "value"),
                    "csv_extra", Map.of("metric", "cpu_seconds_rate"), "csv_append", true));
            assertTrue(cpu.isChanged());
        }
        assertEquals(List.of("timestamp,node,metric,mode,value", "1795612585,gw,cpu_seconds_rate,idle,1.5"),
                Files.readAllLines(dir.resolve("results/lab/1/metrics.csv")).subList(0, 2));

        ModuleResult report = context.run(new ReportModule(), Map.of("run_dir", "results/lab/1"));
        List<Map<String, String>> summary = CsvFiles.read(Path.of((String) report.field("summary")));
        assertEquals("2", summary.get(1).get("n"));
        assertEquals("0", summary.get(1).get("overhead_percent"));
        assertEquals("25", summary.get(1).get("cpu_busy_median_percent"));
        assertEquals("gw", summary.get(1).get("cpu_node"));
    }

    @Test
    void anIngressRunGetsTransitionsAndItsStagesOffTheirIntervalAsWarnings(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("results/ingress-lab/20261201T100000Z");
        Files.createDirectories(run);
        Path fixture = Path.of("src/test/resources/report/ingress-lab/20261201T100000Z");
        for (String file : List.of("stages.csv", "timeline.csv", "changes.csv", "mirror.csv", "environment.json")) {
            Files.copy(fixture.resolve(file), run.resolve(file));
        }
        ModuleResult result = new TestModuleContext(dir).run(new ReportModule(),
                Map.of("run_dir", "results/ingress-lab/20261201T100000Z", "canary_label", "canary"));

        assertFalse(result.isFailed(), "a split off its interval is a result, not a failure");
        assertEquals(run.resolve("report.html").toString(), result.field("path"));
        assertEquals(List.of(run.resolve("transitions.csv").toString()), result.field("transitions"));
        assertEquals(List.of("ingress-lab 20261201T100000Z: stage 50 %: observed 45.0 % [42.8, 47.2], configured 50 % outside the 95 % interval"),
                result.field("outside_interval"));
        assertEquals(List.of("canary split outside its 95% interval: ingress-lab 20261201T100000Z: stage 50 %: observed 45.0 % [42.8, 47.2], "
                + "configured 50 % outside the 95 % interval"), result.field("warnings"));
        assertEquals(11, Files.readAllLines(run.resolve("transitions.csv")).size());
        assertTrue(Files.readString(run.resolve("report.html")).contains("<h2>Route changes</h2>"));
        assertFalse(Files.exists(run.resolve("summary.csv")), "summary.csv is the egress report's");
    }

    @Test
    void aMissingRunDirectoryFails(@TempDir Path dir) throws Exception {
        ModuleResult result = new TestModuleContext(dir).run(new ReportModule(), Map.of("run_dir", "results/none"));
        assertTrue(result.isFailed());
        assertEquals("run_dir " + dir.resolve("results/none") + " is not a directory", result.msg());
    }

    @Test
    void everyBenchModuleIsRegistered() {
        ModuleRegistry registry = ModuleRegistry.load();
        assertTrue(registry.find("report").orElseThrow() instanceof ReportModule);
        assertTrue(registry.find("cnibench.bench.report").orElseThrow() instanceof ReportModule);
        assertTrue(registry.find("prometheus_query").orElseThrow() instanceof PrometheusQueryModule);
        assertTrue(registry.contains("cnibench.bench.prometheus_query"));
    }

    private static Path copyRun(String name, Path dir) throws Exception {
        Path run = dir.resolve("results/egress-lab").resolve(name);
        Files.createDirectories(run);
        for (String file : List.of("run.json", "iperf.csv", "metrics.csv")) {
            Files.copy(FIXTURES.resolve(name).resolve(file), run.resolve(file));
        }
        return run;
    }

    /** A Prometheus API on 127.0.0.1 that gives one answer to every query. */
    private static final class PrometheusStub implements AutoCloseable {
        private final HttpServer server;

        PrometheusStub(String answer) throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = answer.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
