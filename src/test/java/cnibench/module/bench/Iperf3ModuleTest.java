package cnibench.module.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ArgumentException;
import cnibench.module.spi.ModuleRegistry;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class Iperf3ModuleTest {
    private final Iperf3Module module = new Iperf3Module();

    @Test
    @Timeout(60)
    void measuresLoopbackAgainstABackgroundServer(@TempDir Path dir) throws Exception {
        TestModuleContext context = new TestModuleContext(dir);
        int port = freePort();
        Map<String, Object> server = Map.of("mode", "server", "port", port, "bind", "127.0.0.1",
                "pidfile", dir.resolve("iperf3.pid").toString(), "state", "started");
        try {
            ModuleResult started = context.run(module, server);
            assertFalse(started.isFailed(), started.msg());
            assertTrue(started.isChanged());
            assertNotNull(started.field("pid"));
            assertFalse(context.run(module, server).isChanged(), "a running server is left as it is");

            ModuleResult client = context.run(module, Map.of("server", "127.0.0.1", "port", port, "time", 1,
                    "interval", 0.5, "raw_dest", "results/iperf-1.json"));
            assertFalse(client.isFailed(), client.msg());
            assertTrue(client.isChanged());
            Map<?, ?> summary = (Map<?, ?>) client.field("summary");
            assertEquals("TCP", summary.get("protocol"));
            assertEquals(port, summary.get("remote_port"));
            assertTrue(((Double) summary.get("received_bits_per_second")) > 0);
            assertTrue(((Map<?, ?>) summary.get("cpu_utilization_percent")).get("host_total") instanceof Double);
            List<?> intervals = (List<?>) client.field("intervals");
            assertEquals(2, intervals.size());
            assertTrue(((Map<?, ?>) client.field("raw")).containsKey("end"));
            assertEquals(List.of("iperf3", "-c", "127.0.0.1", "-J", "-p", String.valueOf(port), "-t", "1", "-i", "0.5"),
                    client.field("cmd"));
            Path raw = dir.resolve("results/iperf-1.json");
            assertEquals(summary, Iperf3Json.parse(Files.readString(raw)).summary().toMap());
        } finally {
            ModuleResult stopped = context.run(module, Map.of("mode", "server", "port", port,
                    "pidfile", dir.resolve("iperf3.pid").toString(), "state", "stopped"));
            assertTrue(stopped.isChanged(), String.valueOf(stopped.msg()));
        }
        assertFalse(Files.exists(dir.resolve("iperf3.pid")));
        assertFalse(context.run(module, Map.of("mode", "server", "port", port,
                "pidfile", dir.resolve("iperf3.pid").toString(), "state", "stopped")).isChanged());
    }

    @Test
    @Timeout(60)
    void oneOffServerInTheForegroundReportsTheTestItServed(@TempDir Path dir) throws Exception {
        TestModuleContext context = new TestModuleContext(dir);
        int port = freePort();
        CompletableFuture<ModuleResult> server = CompletableFuture.supplyAsync(() -> {
            try {
                return context.run(module, Map.of("mode", "server", "port", port, "bind", "127.0.0.1", "one_off", true, "timeout", 30));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ModuleResult client = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            client = context.run(module, Map.of("server", "127.0.0.1", "port", port, "time", 1));
            if (!"unable to connect to server: Connection refused".equals(client.msg())) {
                break;
            }
            Thread.sleep(100); // the server is not listening yet
        }
        assertFalse(client.isFailed(), client.msg());
        ModuleResult served = server.get(30, TimeUnit.SECONDS);
        assertFalse(served.isFailed(), served.msg());
        assertEquals(List.of("iperf3", "-s", "-p", String.valueOf(port), "-B", "127.0.0.1", "-1", "-J"), served.field("cmd"));
        assertTrue(((Double) ((Map<?, ?>) served.field("summary")).get("received_bits_per_second")) > 0);
    }

    @Test
    @Timeout(30)
    void refusedConnectionFailsWithIperf3sError(@TempDir Path dir) throws Exception {
        ModuleResult result = new TestModuleContext(dir).run(module, Map.of("server", "127.0.0.1", "port", freePort(), "time", 1));
        assertTrue(result.isFailed());
        assertEquals("unable to connect to server: Connection refused", result.msg());
        assertTrue(((List<?>) result.field("intervals")).isEmpty());
    }

    @Test
    void parsesCapturedJsonWithoutRunningAnything(@TempDir Path dir) throws Exception {
        TestModuleContext context = new TestModuleContext(Path.of("src/test/resources").toAbsolutePath());
        ModuleResult fromFile = context.run(module, Map.of("json_file", "iperf3/udp.json"));
        assertFalse(fromFile.isChanged());
        assertEquals("UDP", ((Map<?, ?>) fromFile.field("summary")).get("protocol"));

        ModuleResult fromText = context.run(module, Map.of("json_input", Iperf3JsonTest.fixture("tcp.json")));
        assertEquals(58.0, ((Map<?, ?>) fromText.field("summary")).get("rtt_mean_us"));
        assertEquals(4, ((List<?>) fromText.field("intervals")).size());

        ModuleResult refused = context.run(module, Map.of("json_input", Iperf3JsonTest.fixture("connection-refused.json")));
        assertTrue(refused.isFailed());
        assertEquals("unable to connect to server: Connection refused", refused.msg());
    }

    @Test
    void argumentsAreCheckedAsAnsibleDoes(@TempDir Path dir) throws Exception {
        TestModuleContext context = new TestModuleContext(dir);
        ArgumentException choice = assertThrows(ArgumentException.class, () -> context.run(module, Map.of("mode", "both")));
        assertEquals("value of mode must be one of: client, server, got: both", choice.getMessage());
        assertThrows(ArgumentException.class, () -> context.run(module, Map.of("json_input", "{}", "json_file", "x")));
        assertEquals("mode is client but all of the following are missing: server", context.run(module, Map.of()).msg());
        assertEquals("a server in the foreground never ends: set one_off, daemon or state",
                context.run(module, Map.of("mode", "server")).msg());
    }

    @Test
    void isRegisteredUnderBothNames() {
        ModuleRegistry registry = ModuleRegistry.load();
        assertTrue(registry.find("iperf3").orElseThrow() instanceof Iperf3Module);
        assertTrue(registry.contains("cnibench.bench.iperf3"));
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
