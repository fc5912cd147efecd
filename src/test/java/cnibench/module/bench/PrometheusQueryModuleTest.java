package cnibench.module.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import cnibench.report.CsvFiles;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a stub on 127.0.0.1 answering with responses recorded from Prometheus 2.42. */
class PrometheusQueryModuleTest {
    private final PrometheusQueryModule module = new PrometheusQueryModule();
    private final Map<String, Map<String, String>> received = new ConcurrentHashMap<>();
    private HttpServer server;
    private String url;
    private volatile String fixture;
    private volatile int status;

    @BeforeEach
    void startStub() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.put(exchange.getRequestURI().getPath(), form(body));
            byte[] answer = fixture.startsWith("{") || fixture.startsWith("<") ? fixture.getBytes(StandardCharsets.UTF_8)
                    : Files.readAllBytes(Path.of("src/test/resources/prometheus", fixture));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        status = 200;
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    /** Changes the stub's answer from another thread after a delay, while the module polls. */
    private static Thread after(long millis, Runnable change) {
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            change.run();
        });
        thread.start();
        return thread;
    }

    @Test
    void rangeQueryGivesSeriesRowsAndCsv(@TempDir Path dir) throws Exception {
        fixture = "matrix.json";
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("url", url);
        args.put("query", "sum by (code, handler) (rate(prometheus_http_requests_total[4s]))");
        args.put("type", "range");
        args.put("start", 1.795613209E9);
        args.put("end", "2026-11-25T13:26:53Z");
        args.put("step", 2);
        args.put("csv_dest", "results/requests.csv");
        ModuleResult result = new TestModuleContext(dir).run(module, args);

        assertFalse(result.isFailed(), result.msg());
        assertEquals(Map.of("query", "sum by (code, handler) (rate(prometheus_http_requests_total[4s]))",
                "start", "1795613209", "end", "2026-11-25T13:26:53Z", "step", "2"), received.get("/api/v1/query_range"));
        assertEquals("matrix", result.field("result_type"));
        List<?> series = (List<?>) result.field("series");
        assertEquals(4, series.size());
        Map<?, ?> metrics = (Map<?, ?>) series.get(2);
        assertEquals(Map.of("code", "200", "handler", "/metrics"), metrics.get("metric"));
        assertEquals(List.of(List.of(1795613209.0, 0.6225), List.of(1795613211.0, 1.0), List.of(1795613213.0, 1.0)),
                metrics.get("values"));
        List<?> rows = (List<?>) result.field("rows");
        assertEquals(12, rows.size());
        assertEquals(Map.of("timestamp", 1795613209.0, "value", 0.6225, "code", "200", "handler", "/metrics"), rows.get(6));

        assertTrue(result.isChanged());
        Path csv = dir.resolve("results/requests.csv");
        assertEquals(csv.toString(), result.field("csv_dest"));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("timestamp,value,code,handler", lines.get(0));
        assertEquals("1795613209,0.6225,200,/metrics", lines.get(7));
        assertEquals(12, CsvFiles.read(csv).size());
    }

    @Test
    void instantQueryGivesOneSamplePerSeries(@TempDir Path dir) throws Exception {
        fixture = "vector.json";
        ModuleResult result = new TestModuleContext(dir).run(module, Map.of("url", url, "query", "up", "time", 1795613207));
        assertFalse(result.isChanged());
        assertEquals(Map.of("query", "up", "time", "1795613207"), received.get("/api/v1/query"));
        assertEquals("vector", result.field("result_type"));
        assertEquals(List.of(Map.of("timestamp", 1795613207.134, "value", 1.0, "__name__", "up",
                "instance", "127.0.0.1:19090", "job", "prometheus")), result.field("rows"));

        fixture = "scalar.json";
        ModuleResult scalar = new TestModuleContext(dir).run(module, Map.of("url", url, "query", "scalar(up)"));
        assertEquals(List.of(Map.of("metric", Map.of(), "values", List.of(List.of(1795613207.172, 1.0)))), scalar.field("series"));
    }

    @Test
    void untilAtLeastPollsTheInstantQueryUntilTheValueIsReached(@TempDir Path dir) throws Exception {
        fixture = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}";
        Thread later = after(350, () -> fixture = "vector.json");
        ModuleResult result = new TestModuleContext(dir).run(module,
                Map.of("url", url, "query", "count(up == 1)", "until_at_least", 1, "wait_timeout", 10));
        later.join();
        assertFalse(result.isFailed(), result.msg());
        assertEquals(1.0, result.field("value"));
        assertTrue((Integer) result.field("attempts") >= 3, "polled every 0.1 s: " + result.field("attempts"));
        assertTrue((Double) result.field("waited_seconds") >= 0.3);
        assertEquals(Map.of("query", "count(up == 1)"), received.get("/api/v1/query"));
    }

    @Test
    void untilAtLeastFailsAfterTheWaitTimeout(@TempDir Path dir) throws Exception {
        fixture = "vector.json";
        long started = System.nanoTime();
        ModuleResult result = new TestModuleContext(dir).run(module,
                Map.of("url", url, "query", "count(up == 1)", "until_at_least", 3, "wait_timeout", 0.4));
        assertTrue(result.isFailed());
        assertEquals("Prometheus: count(up == 1) stayed below 3 (at 1) for 0.4s", result.msg());
        assertTrue(System.nanoTime() - started >= 400_000_000L);

        ModuleResult range = new TestModuleContext(dir).run(module, Map.of("url", url, "query", "up", "type", "range",
                "start", 1, "end", 2, "step", 1, "until_at_least", 1));
        assertEquals("until_at_least waits on an instant query, not on type=range", range.msg());
    }

    @Test
    void untilAtLeastWaitsForPrometheusToListen(@TempDir Path dir) throws Exception {
        String closed = "http://127.0.0.1:" + Iperf3ModuleTest.freePort();
        ModuleResult result = new TestModuleContext(dir).run(module,
                Map.of("url", closed, "query", "up", "until_at_least", 1, "wait_timeout", 0.3));
        assertTrue(result.isFailed());
        assertEquals("Prometheus at " + closed + " did not accept connections or was not ready for 0.3s", result.msg());
    }

    @Test
    void untilAtLeastWaitsWhilePrometheusAnswers503AsItStarts(@TempDir Path dir) throws Exception {
        fixture = "<html>Service Unavailable</html>";
        status = 503;
        Thread ready = after(300, () -> {
            fixture = "vector.json";
            status = 200;
        });
        ModuleResult result = new TestModuleContext(dir).run(module,
                Map.of("url", url, "query", "count(up == 1)", "until_at_least", 1, "wait_timeout", 10));
        ready.join();
        assertFalse(result.isFailed(), result.msg());
        assertTrue((Integer) result.field("attempts") >= 2, "polled through the 503s: " + result.field("attempts"));

        fixture = "<html>Service Unavailable</html>";
        status = 503;
        ModuleResult once = new TestModuleContext(dir).run(module, Map.of("url", url, "query", "up"));
        assertEquals("Prometheus at " + url + " is not ready yet (HTTP 503)", once.msg());
    }

    @Test
    void prometheusErrorsFailTheTask(@TempDir Path dir) throws Exception {
        fixture = "error.json";
        status = 400;
        ModuleResult result = new TestModuleContext(dir).run(module, Map.of("url", url, "query", "rate(up"));
        assertTrue(result.isFailed());
        assertEquals("Prometheus query failed (bad_data): invalid parameter \"query\": 1:8: parse error: unclosed left parenthesis",
                result.msg());
        assertEquals("bad_data", result.field("error_type"));

        fixture = "<html>Bad Gateway</html>";
        status = 502;
        ModuleResult proxy = new TestModuleContext(dir).run(module, Map.of("url", url, "query", "up"));
        assertEquals("Prometheus query failed (http): HTTP 502 from " + url.replaceAll("/$", "") + "/api/v1/query: <html>Bad Gateway</html>",
                proxy.msg());
    }

    @Test
    void rangeQueriesNeedTheirBoundsAndAClosedPortIsNamed(@TempDir Path dir) throws Exception {
        TestModuleContext context = new TestModuleContext(dir);
        assertEquals("type is range but all of the following are missing: end, step",
                context.run(module, Map.of("url", url, "query", "up", "type", "range", "start", 1)).msg());
        int port = Iperf3ModuleTest.freePort();
        ModuleResult refused = context.run(module, Map.of("url", "http://127.0.0.1:" + port, "query", "up", "timeout", 5));
        assertEquals("could not connect to Prometheus at http://127.0.0.1:" + port + ": connection refused", refused.msg());
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
