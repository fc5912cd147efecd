package cnibench.module.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ArgumentValidator;
import cnibench.module.spi.ModuleRegistry;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.OrderedFields;
import cnibench.module.spi.TestModuleContext;
import cnibench.report.CsvFiles;
import cnibench.text.Json;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.junit.jupiter.api.io.TempDir;

/** http_load in this JVM against a loopback server whose answers each test chooses. */
class HttpLoadModuleTest {
    private static final String LABEL = "Hostname: ([\\w.-]+)";
    private final HttpLoadModule module = new HttpLoadModule();
    @TempDir
    Path dir;

    private ModuleResult run(Map<String, Object> args) throws Exception {
        return new TestModuleContext(dir).run(module, args);
    }

    private static Map<String, Object> args(String url, Object... pairs) {
        Map<String, Object> args = OrderedFields.of("url", url);
        args.putAll(OrderedFields.of(pairs));
        return args;
    }

    @SuppressWarnings("unchecked")
    private static <T> T get(ModuleResult result, String... path) {
        Object value = result.fields();
        for (String key : path) {
            value = ((Map<String, Object>) value).get(key);
        }
        return (T) value;
    }

    @Test
    void countsEachBackendsResponsesWithTheirShareAndInterval() throws Exception {
        Map<String, Object> expected = OrderedFields.of("a", 0.95, "b", 0.05, "never", 0.0);
        try (LoopbackHttpServer server = LoopbackHttpServer.split(20)) {
            ModuleResult result = run(args(server.url(), "requests", 400, "connections", 4, "label", LABEL,
                    "expected_shares", expected));
            assertFalse(result.isFailed(), result.msg());
            assertTrue(result.isChanged());
            assertEquals(400L, ((Number) get(result, "requests")).longValue());
            assertEquals(400L, ((Number) get(result, "responses")).longValue());
            assertEquals(0L, ((Number) get(result, "errors")).longValue());
            assertEquals(List.of("a", "b", "never"), List.copyOf(((Map<String, ?>) get(result, "counts")).keySet()));
            assertEquals(380L, ((Number) get(result, "counts", "a")).longValue());
            assertEquals(20L, ((Number) get(result, "counts", "b")).longValue());
            assertEquals(0L, ((Number) get(result, "counts", "never")).longValue());
            assertEquals(0.05, (double) get(result, "shares", "b", "share"), 1e-9);
            assertEquals(WilsonInterval.of95(20, 400).low(), (double) get(result, "shares", "b", "ci95_low"), 1e-4);
            assertEquals(WilsonInterval.of95(20, 400).high(), (double) get(result, "shares", "b", "ci95_high"), 1e-4);
            assertEquals(0.05, (double) get(result, "shares", "b", "expected"));
            assertEquals(400L, server.requests());
            assertTrue((double) get(result, "latency_ms", "p50") > 0);
            assertTrue(result.msg().contains("400 requests"), result.msg());
            assertTrue(result.msg().contains("b 5.0 %"), result.msg());
        }
    }

    @Test
    void unmatchedBodiesAndARunWithoutLabelCountAsNone() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer(n -> LoopbackHttpServer.Answer.ok(n % 2 == 0 ? "Hostname: a" : "hello"))) {
            ModuleResult labelled = run(args(server.url(), "requests", 50, "connections", 1, "label", LABEL));
            assertEquals(25L, ((Number) get(labelled, "counts", "a")).longValue());
            assertEquals(25L, ((Number) get(labelled, "counts", "(none)")).longValue());
            ModuleResult plain = run(args(server.url(), "requests", 10));
            assertEquals(Map.of("(none)", 10L), Map.copyOf((Map<String, Long>) get(plain, "counts")));
        }
    }

    @Test
    void readsChunkedBodies() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer(n -> new LoopbackHttpServer.Answer(200,
                "Hostname: " + (n % 4 == 0 ? "canary-pod" : "stable-pod") + "\n", true, 0, false))) {
            ModuleResult result = run(args(server.url(), "requests", 100, "connections", 2, "label", LABEL));
            assertFalse(result.isFailed(), result.msg());
            assertEquals(25L, ((Number) get(result, "counts", "canary-pod")).longValue());
            assertEquals(75L, ((Number) get(result, "counts", "stable-pod")).longValue());
            assertEquals(0L, ((Number) get(result, "errors")).longValue());
        }
    }

    @Test
    void aConstantRateSendsRateTimesDuration() throws Exception {
        try (LoopbackHttpServer server = LoopbackHttpServer.split(10)) {
            ModuleResult result = run(args(server.url(), "rate", 200, "duration", 1.5, "connections", 4));
            long requests = ((Number) get(result, "requests")).longValue();
            assertTrue(requests >= 285 && requests <= 301, "requests " + requests);
            assertEquals("open", get(result, "model"));
            assertEquals(1.5, (double) get(result, "duration_s"), 0.1);
            assertEquals(200, (double) get(result, "requests_per_s"), 20);
        }
    }

    @Test
    void aStallShowsInTheOpenModelsPercentilesNotOnlyInItsMax() throws Exception {
        // request 20 waits 500 ms; with one connection every request due meanwhile waits behind it
        try (LoopbackHttpServer server = new LoopbackHttpServer(n -> LoopbackHttpServer.Answer.ok("Hostname: a").stalled(n == 20 ? 500 : 0))) {
            ModuleResult open = run(args(server.url(), "rate", 100, "requests", 200, "connections", 1));
            assertTrue((double) get(open, "latency_ms", "max") >= 490, "max " + get(open, "latency_ms"));
            assertTrue((double) get(open, "latency_ms", "p90") >= 100, "p90 " + get(open, "latency_ms"));
        }
        try (LoopbackHttpServer server = new LoopbackHttpServer(n -> LoopbackHttpServer.Answer.ok("Hostname: a").stalled(n == 20 ? 500 : 0))) {
            ModuleResult closed = run(args(server.url(), "requests", 200, "connections", 1));
            assertTrue((double) get(closed, "latency_ms", "max") >= 490, "max " + get(closed, "latency_ms"));
            assertTrue((double) get(closed, "latency_ms", "p90") < 100, "p90 " + get(closed, "latency_ms"));
        }
    }

    @Test
    void nothingListeningFailsNamingTheUrlAndTheError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/";
        ModuleResult result = run(args(url, "duration", 0.3, "connections", 2));
        assertTrue(result.isFailed());
        assertTrue(result.msg().startsWith("http_load " + url + ": every one of "), result.msg());
        assertTrue(result.msg().contains("connect: Connection refused"), result.msg());
        assertEquals(((Number) get(result, "requests")).longValue(), ((Number) get(result, "error_kinds", "connect")).longValue());
        assertFalse(result.msg().contains("\n"));
    }

    @Test
    void aServerThatDropsConnectionsCountsResets() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer(n -> new LoopbackHttpServer.Answer(200, "", false, 0, true))) {
            ModuleResult result = run(args(server.url(), "requests", 20, "connections", 1));
            assertTrue(result.isFailed());
            assertEquals(20L, ((Number) get(result, "error_kinds", "reset")).longValue());
            assertTrue(result.msg().endsWith("every one of 20 requests failed: reset: connection closed by the server"), result.msg());
        }
    }

    @Test
    void aRequestOnAConnectionTheServerClosedIsSentAgainOnANewOne() throws Exception {
        // the server drops every other request unanswered: each time on a reused connection, which HTTP clients retry
        try (LoopbackHttpServer server = new LoopbackHttpServer(n -> n % 2 == 1
                ? new LoopbackHttpServer.Answer(200, "", false, 0, true) : LoopbackHttpServer.Answer.ok("Hostname: a"))) {
            ModuleResult result = run(args(server.url(), "requests", 100, "connections", 1));
            assertFalse(result.isFailed(), result.msg());
            assertEquals(0L, ((Number) get(result, "errors")).longValue());
            assertEquals(100L, ((Number) get(result, "responses")).longValue());
            assertEquals(99L, ((Number) get(result, "retried")).longValue());
            assertEquals(199L, server.requests());
        }
    }

    @Test
    void status500IsAnErrorAnd404IsShownButNotOne() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer(n -> new LoopbackHttpServer.Answer(
                n % 4 == 0 ? 500 : n % 4 == 1 ? 404 : 200, "Hostname: a", false, 0, false))) {
            ModuleResult result = run(args(server.url(), "requests", 100, "connections", 1, "label", LABEL));
            assertFalse(result.isFailed(), result.msg());
            assertEquals(25L, ((Number) get(result, "errors")).longValue());
            assertEquals(25L, ((Number) get(result, "error_kinds", "status_5xx")).longValue());
            assertEquals(25L, ((Number) get(result, "error_kinds", "status_4xx")).longValue());
            assertEquals(25L, ((Number) get(result, "status_codes", "500")).longValue());
            assertEquals(50L, ((Number) get(result, "status_codes", "200")).longValue());
            assertEquals(75L, ((Number) get(result, "counts", "a")).longValue());
            ModuleResult strict = run(args(server.url(), "requests", 100, "connections", 1, "max_error_rate", 0.1));
            assertTrue(strict.isFailed());
            assertTrue(strict.msg().contains("above max_error_rate 0.1"), strict.msg());
        }
    }

    @Test
    void aSlowAnswerIsATimeout() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer(n -> LoopbackHttpServer.Answer.ok("Hostname: a").stalled(n == 3 ? 1000 : 0))) {
            ModuleResult result = run(args(server.url(), "requests", 10, "connections", 1, "timeout_ms", 200));
            assertEquals(1L, ((Number) get(result, "error_kinds", "timeout")).longValue());
            assertEquals(9L, ((Number) get(result, "responses")).longValue());
        }
    }

    @Test
    void aConnectionThatIsNeverAcceptedTimesOut() throws Exception {
        // a full accept queue: Linux drops further SYNs, so connects hang until the watchdog ends them
        try (ServerSocket full = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + full.getLocalPort() + "/";
            ModuleResult result = run(args(url, "duration", 0.5, "connections", 6, "connect_timeout_ms", 200, "timeout_ms", 300));
            assertTrue(result.isFailed());
            assertTrue(((Number) get(result, "error_kinds", "connect")).longValue() > 0, String.valueOf((Object) get(result, "error_kinds")));
            assertEquals("no connection within 200 ms", get(result, "error_messages", "connect"));
            assertTrue((double) get(result, "duration_s") < 1.5);
        }
    }

    @Test
    void aStopRequestEndsTheRunEarlyWithItsNumbers() throws Exception {
        try (LoopbackHttpServer server = LoopbackHttpServer.split(10)) {
            HttpLoadSettings settings = new HttpLoadSettings(server.url(), "GET", Map.of(), null, 2000, 1000, 2, 30.0, null, null,
                    null, Map.of(), 0, null, Map.of(), null, 100, null, null, null, null, null);
            long stopAt = System.nanoTime() + 300_000_000L;
            Map<String, Object> result = HttpLoad.run(settings, line -> { }, () -> System.nanoTime() > stopAt);
            assertEquals(true, result.get("stopped_early"));
            assertTrue((double) result.get("duration_s") < 2, String.valueOf(result.get("duration_s")));
            assertTrue(((Number) result.get("requests")).longValue() > 0);
            assertEquals(false, result.get("failed"));
        }
    }

    @Test
    void warmUpRequestsAreSentButNotCounted() throws Exception {
        try (LoopbackHttpServer server = LoopbackHttpServer.split(10)) {
            ModuleResult result = run(args(server.url(), "requests", 50, "warmup", 0.3, "connections", 2));
            assertEquals(50L, ((Number) get(result, "requests")).longValue());
            long warmup = ((Number) get(result, "warmup_requests")).longValue();
            assertTrue(warmup > 0);
            assertEquals(50 + warmup, server.requests());
        }
    }

    @Test
    void writesTheCsvTheTimelineAndTheRawJson() throws Exception {
        Map<String, Object> expected = OrderedFields.of("a", 0.9, "b", 0.1, "c", 0.0);
        Map<String, Object> labels = OrderedFields.of("cni", "lab", "stage", 10);
        try (LoopbackHttpServer server = LoopbackHttpServer.split(10)) {
            for (int i = 0; i < 2; i++) {
                ModuleResult result = run(args(server.url(), "duration", 0.5, "connections", 2, "label", LABEL,
                        "expected_shares", expected, "csv_dest", "results/split.csv", "csv_labels", labels,
                        "timeline_dest", "results/timeline.csv", "timeline_interval_ms", 100, "raw_dest", "results/raw.json"));
                assertFalse(result.isFailed(), result.msg());
                assertEquals(dir.resolve("results/split.csv").toString(), get(result, "csv_dest"));
            }
        }
        List<String> csv = Files.readAllLines(dir.resolve("results/split.csv"));
        assertEquals("cni,stage,label,responses,share,share_ci95_low,share_ci95_high,expected_share,requests,errors,"
                + "requests_per_s,latency_p50_ms,latency_p90_ms,latency_p99_ms,latency_max_ms,latency_mean_ms,duration_s,start,end",
                csv.get(0));
        List<Map<String, String>> rows = CsvFiles.read(dir.resolve("results/split.csv"));
        assertEquals(6, rows.size(), "3 labels x 2 runs, one header");
        assertEquals(List.of("a", "b", "c"), rows.subList(0, 3).stream().map(r -> r.get("label")).toList());
        Map<String, String> c = rows.get(2);
        assertEquals("0", c.get("responses"));
        assertEquals("0", c.get("share"));
        assertEquals("0", c.get("expected_share"));
        assertEquals("lab", c.get("cni"));
        assertTrue(c.get("start").matches("\\d{10}\\.\\d{1,3}"), c.get("start"));

        List<String> timeline = Files.readAllLines(dir.resolve("results/timeline.csv"));
        assertEquals("cni,stage,t,requests,errors,latency_p50_ms,latency_p99_ms,latency_max_ms,count_a,count_b,count_c",
                timeline.get(0));
        List<Map<String, String>> buckets = CsvFiles.read(dir.resolve("results/timeline.csv"));
        assertTrue(buckets.size() >= 10 && buckets.size() <= 14, buckets.size() + " buckets");
        long inBuckets = buckets.stream().mapToLong(r -> Long.parseLong(r.get("requests"))).sum();
        long inRows = rows.stream().filter(r -> r.get("label").equals("a")).mapToLong(r -> Long.parseLong(r.get("requests"))).sum();
        assertEquals(inRows, inBuckets);

        Map<?, ?> raw = Json.MAPPER.readValue(dir.resolve("results/raw.json").toFile(), Map.class);
        assertNotNull(raw.get("error_kinds"));
        assertFalse(((List<?>) raw.get("latency_distribution")).isEmpty());
        assertEquals(raw.get("url"), ((Map<?, ?>) raw.get("settings")).get("url"));
        assertEquals(dir.resolve("results/raw.json").toString(), raw.get("raw_dest"));
    }

    @Test
    void joinsTheMirrorAnalyzersLog() throws Exception {
        Path log = dir.resolve("analyzer.log");
        try (LoopbackHttpServer server = LoopbackHttpServer.split(4)) {
            Files.writeString(log, "");
            // the analyzer: logs every 5th request number as the requests arrive, then a duplicate and lines that are not numbers
            Thread analyzer = new Thread(() -> {
                try {
                    Files.writeString(log, "analyzer started\n", StandardOpenOption.APPEND);
                    for (int logged = 0; logged < 200; Thread.sleep(10)) {
                        List<String> seen = server.numbers();
                        StringBuilder text = new StringBuilder();
                        for (String n : seen.subList(logged, seen.size())) {
                            if (Long.parseLong(n) % 5 == 0) {
                                text.append(n).append('\n');
                            }
                        }
                        logged = seen.size();
                        Files.writeString(log, text, StandardOpenOption.APPEND);
                    }
                    Files.writeString(log, "0\n- 17 -\n", StandardOpenOption.APPEND);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            analyzer.start();
            ModuleResult result = run(args(server.url(), "requests", 200, "connections", 1, "label", LABEL,
                    "mirror", Map.of("log", log.toString()), "mirror_csv_dest", "mirror.csv", "csv_labels", Map.of("stage", 25)));
            analyzer.join();
            assertFalse(result.isFailed(), result.msg());
            assertEquals(200, server.numbers().size());
            assertEquals("0", server.numbers().get(0));
            assertEquals(200L, ((Number) get(result, "mirror", "requests")).longValue());
            assertEquals(40L, ((Number) get(result, "mirror", "mirrored")).longValue());
            assertEquals(0.2, (double) get(result, "mirror", "share"), 1e-9);
            // with one connection request n is answered by b when n % 4 == 3: 10 of the 50 b's are mirrored
            assertEquals(50L, ((Number) get(result, "mirror", "by_label", "b", "requests")).longValue());
            assertEquals(10L, ((Number) get(result, "mirror", "by_label", "b", "mirrored")).longValue());
            assertEquals(0.25, (double) get(result, "mirror", "by_label", "b", "share_of_mirrored"), 1e-9);
        }
        List<String> csv = Files.readAllLines(dir.resolve("mirror.csv"));
        assertEquals("stage,label,requests,mirrored,mirrored_share,share_ci95_low,share_ci95_high,share_of_mirrored", csv.get(0));
        assertEquals(List.of("a", "b", "all"), CsvFiles.read(dir.resolve("mirror.csv")).stream().map(r -> r.get("label")).toList());
        assertTrue(csv.get(3).startsWith("25,all,200,40,0.2,"), csv.get(3));
    }

    @Test
    void warmUpRequestsStayOutOfTheMirrorJoin() throws Exception {
        Path log = dir.resolve("analyzer.log");
        try (LoopbackHttpServer server = LoopbackHttpServer.split(4)) {
            ModuleResult result = run(args(server.url(), "requests", 20, "warmup", 0.2, "connections", 1,
                    "mirror", Map.of("log", log.toString(), "header", "X-Cnibench-Request")));
            long warmup = ((Number) get(result, "warmup_requests")).longValue();
            assertTrue(warmup > 0);
            // every request mirrored: only the 20 counted ones are joined
            Files.writeString(log, String.join("\n", server.numbers()) + "\n");
            ModuleResult again = run(args(server.url(), "requests", 20, "connections", 1, "mirror", Map.of("log", log.toString())));
            assertEquals(20L, ((Number) get(again, "mirror", "mirrored")).longValue());
        }
    }

    @Test
    void aMissingMirrorLogFailsTheTask() throws Exception {
        try (LoopbackHttpServer server = LoopbackHttpServer.split(4)) {
            ModuleResult result = run(args(server.url(), "requests", 5, "mirror", Map.of("log", dir.resolve("none.log").toString())));
            assertTrue(result.isFailed());
            assertTrue(result.msg().contains("none.log does not exist"), result.msg());
            assertNull(get(result, "mirror"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void isRegisteredUnderBothNamesAndItsExamplesPassTheLoadTimeCheck() {
        ModuleRegistry registry = ModuleRegistry.load();
        assertTrue(registry.find("http_load").orElseThrow() instanceof HttpLoadModule);
        assertTrue(registry.contains("cnibench.bench.http_load"));
        List<Map<String, Object>> tasks = (List<Map<String, Object>>) new Load(LoadSettings.builder().build())
                .loadFromString(module.spec().examples());
        assertEquals(2, tasks.size());
        for (Map<String, Object> task : tasks) {
            ArgumentValidator.checkStatic(module.spec(), (Map<String, Object>) task.get("http_load"));
        }
    }

    @Test
    void rejectsWhatCannotMakeARun() throws Exception {
        assertTrue(run(args("https://127.0.0.1/", "requests", 1)).msg().contains("https is not supported"));
        assertTrue(run(args("http://127.0.0.1/", "requests", 1, "label", "Hostname: \\w+")).msg().contains("exactly one group"));
        assertTrue(run(args("http://127.0.0.1/", "requests", 1, "expected_shares", Map.of("a", 2))).msg().contains("from 0 to 1"));
        assertTrue(run(args("http://127.0.0.1/", "requests", 0)).msg().contains("requests must be greater than 0"));
        assertFalse(module.spec().supportsCheckMode(), "check mode skips it, as iperf3 and k6");
    }
}
