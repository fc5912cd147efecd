package cnibench.module.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wait_for on loopback and temporary files, with zero timeouts where a wait would fail. */
class WaitForModuleTest {
    @TempDir
    Path dir;

    private ModuleResult waitFor(Map<String, Object> args) throws Exception {
        return new TestModuleContext(dir).run(new WaitForModule(), args);
    }

    @Test
    void portStarted() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Map<String, Object> r = waitFor(Map.of("port", server.getLocalPort(), "timeout", 5)).toMap();
            assertEquals(false, r.get("failed"));
            assertEquals("started", r.get("state"));
            assertEquals(server.getLocalPort(), r.get("port"));
            assertEquals(0, r.get("elapsed"));
            assertEquals(List.of(), r.get("match_groups"));
            assertEquals(Map.of(), r.get("match_groupdict"));
            assertTrue(r.containsKey("path") && r.get("path") == null);
        }
    }

    @Test
    void portBannerMatchesRegex() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread banner = new Thread(() -> {
                try (Socket client = server.accept()) {
                    client.getOutputStream().write("SSH-2.0-OpenSSH_9.2\r\n".getBytes());
                } catch (Exception ignored) {
                    // the test fails on its own assertions
                }
            });
            banner.start();
            ModuleResult r = waitFor(Map.of("port", server.getLocalPort(), "search_regex", "OpenSSH_(?P<version>[0-9.]+)", "timeout", 5));
            banner.join();
            assertEquals(List.of("9.2"), r.field("match_groups"));
            assertEquals(Map.of("version", "9.2"), r.field("match_groupdict"));
        }
    }

    @Test
    void closedPortTimesOut() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Map<String, Object> r = waitFor(Map.of("port", port, "timeout", 0)).toMap();
        assertEquals(Map.of("changed", false, "failed", true, "elapsed", 0, "msg", "Timeout when waiting for 127.0.0.1:" + port), r);
        assertEquals("custom", waitFor(Map.of("port", port, "timeout", 0, "msg", "custom")).msg());
        ModuleResult stopped = waitFor(Map.of("port", port, "state", "stopped", "timeout", 2));
        assertFalse(stopped.isFailed());
        assertEquals("stopped", stopped.field("state"));
    }

    @Test
    void fileWithRegexReportsGroupsAndPathInfo() throws Exception {
        Path file = dir.resolve("out.txt");
        Files.writeString(file, "first\nroot:x:0\n");
        Map<String, Object> r = waitFor(Map.of("path", file.toString(), "search_regex", "^ro(o)t")).toMap();
        assertEquals(List.of("o"), r.get("match_groups"));
        assertEquals("file", r.get("state"));
        assertEquals(15L, r.get("size"));
        assertTrue(((String) r.get("mode")).matches("0[0-7]{3}"));
        assertTrue(r.containsKey("owner") && r.containsKey("uid") && r.containsKey("gid") && r.containsKey("group"));
        assertEquals("Timeout when waiting for search string nothere in " + file,
                waitFor(Map.of("path", file.toString(), "search_regex", "nothere", "timeout", 0)).msg());
    }

    @Test
    void fileAbsentAndMissing() throws Exception {
        ModuleResult absent = waitFor(Map.of("path", "/nonexistent", "state", "absent"));
        assertEquals("absent", absent.field("state"));
        assertFalse(absent.isFailed());
        assertEquals("Timeout when waiting for file /nonexistent", waitFor(Map.of("path", "/nonexistent", "timeout", 0)).msg());
        assertEquals("Timeout when waiting for " + dir + " to be absent.",
                waitFor(Map.of("path", dir.toString(), "state", "absent", "timeout", 0)).msg());
    }

    @Test
    void invalidCombinations() throws Exception {
        assertEquals("port and path parameter can not both be passed to wait_for", waitFor(Map.of("port", 1, "path", "/x")).msg());
        assertEquals("state=stopped should only be used for checking a port in the wait_for module",
                waitFor(Map.of("path", "/x", "state", "stopped")).msg());
        assertEquals("exclude_hosts should only be with state=drained", waitFor(Map.of("port", 1, "exclude_hosts", "10.0.0.1")).msg());
        assertEquals("unknown active_connection_state (BOGUS) defined",
                waitFor(Map.of("port", 1, "state", "drained", "active_connection_states", List.of("BOGUS"))).msg());
    }

    @Test
    void drainedCountsActiveConnections() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            assertFalse(waitFor(Map.of("port", port, "state", "drained", "timeout", 2)).isFailed());
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port); Socket accepted = server.accept()) {
                assertEquals("Timeout when waiting for 127.0.0.1:" + port + " to drain",
                        waitFor(Map.of("port", port, "state", "drained", "timeout", 0)).msg());
                assertTrue(new TcpConnections(new cnibench.connection.LocalConnection(), "127.0.0.1", port,
                        List.of("ESTABLISHED"), List.of()).activeCount() >= 1);
            }
        }
    }

    @Test
    void decodesProcNetAddresses() throws Exception {
        assertEquals("127.0.0.1", TcpConnections.decode("0100007F"));
        assertEquals("0:0:0:0:0:0:0:1", TcpConnections.decode("00000000000000000000000001000000"));
    }

    @Test
    void plainTimeoutJustWaits() throws Exception {
        ModuleResult r = waitFor(Map.of("timeout", 0));
        assertFalse(r.isFailed());
        assertEquals("started", r.field("state"));
    }
}
