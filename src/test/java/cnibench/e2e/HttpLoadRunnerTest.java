package cnibench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cnibench.report.CsvFiles;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** http_load through ./runner: on the local host (in the runner's JVM), and from a network namespace (a child JVM). */
class HttpLoadRunnerTest {
    @TempDir
    Path dir;

    /** Answers 'Hostname: stable' three times in four, 'Hostname: canary' the fourth, on loopback. */
    private static HttpServer backends() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        AtomicLong n = new AtomicLong();
        server.createContext("/", exchange -> {
            byte[] body = ("Hostname: " + (n.getAndIncrement() % 4 == 3 ? "canary" : "stable") + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void aPlaybookLoadsALoopbackServerAndAssertsOnTheSplit() throws Exception {
        HttpServer server = backends();
        try {
            Path playbook = dir.resolve("load.yml");
            Files.writeString(playbook, """
                    - hosts: localhost
                      connection: local
                      gather_facts: false
                      tasks:
                        - cnibench.bench.http_load:
                            url: "http://127.0.0.1:%d/echo"
                            requests: 400
                            connections: 4
                            label: 'Hostname: ([\\w.-]+)'
                            expected_shares: {stable: 0.75, canary: 0.25, none: 0}
                            csv_dest: results/split.csv
                            csv_labels: {stage: 25}
                          register: load
                        - assert:
                            that:
                              - load.requests == 400
                              - load.errors == 0
                              - load.counts.stable == 300
                              - load.counts.canary == 100
                              - load.counts.none == 0
                              - load.shares.canary.ci95_low < 0.25
                              - load.shares.canary.ci95_high > 0.25
                              - load.latency_ms.p99 >= load.latency_ms.p50
                    """.formatted(server.getAddress().getPort()));
            ProcessOutcome out = Playbooks.cnibench(playbook, List.of("-i", "localhost,"), dir);
            assertEquals(0, out.exitCode(), out.all());
            assertTrue(out.stdout().contains("changed: [localhost]"), out.all());
            List<Map<String, String>> rows = CsvFiles.read(dir.resolve("results/split.csv"));
            assertEquals(List.of("stable", "canary", "none"), rows.stream().map(r -> r.get("label")).toList());
            assertEquals("25", rows.get(1).get("stage"));
        } finally {
            server.stop(0);
        }
    }

    /**
     * The load leaves from the task's host: a namespace whose own loopback has a server that answers
     * differently from the one on this machine's loopback, at the same port.
     */
    @Test
    void aNetnsHostSendsFromInsideItsNamespace() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/python3"))
                && (Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/usr/bin/ip"))), "needs root, ip, python3");
        String ns = "cnibench-httpload-" + ProcessHandle.current().pid();
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        HttpServer outside = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        outside.createContext("/", exchange -> {
            byte[] body = "Hostname: outside\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        outside.start();
        Process inside = null;
        try {
            run("ip", "netns", "add", ns);
            run("ip", "-n", ns, "link", "set", "lo", "up");
            inside = new ProcessBuilder("ip", "netns", "exec", ns, "/usr/bin/python3", "-c", """
                    import http.server, sys
                    class H(http.server.BaseHTTPRequestHandler):
                        protocol_version = "HTTP/1.1"
                        def do_GET(self):
                            body = b"Hostname: inside\\n"
                            self.send_response(200)
                            self.send_header("Content-Length", str(len(body)))
                            self.end_headers()
                            self.wfile.write(body)
                        def log_message(self, *args):
                            pass
                    http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
                    """, String.valueOf(port)).redirectErrorStream(true).start();
            waitListening(ns, port);
            Path inventory = dir.resolve("hosts.ini");
            Files.writeString(inventory, "pod ansible_connection=netns ansible_netns_name=" + ns + "\n");
            Path playbook = dir.resolve("load.yml");
            Files.writeString(playbook, """
                    - hosts: pod
                      gather_facts: false
                      tasks:
                        - http_load:
                            url: "http://127.0.0.1:%d/"
                            requests: 60
                            connections: 2
                            label: 'Hostname: (\\w+)'
                          register: load
                        - assert:
                            that:
                              - load.counts.inside == 60
                              - load.counts | length == 1
                    """.formatted(port));
            ProcessOutcome out = Playbooks.cnibench(playbook, List.of("-i", inventory.toString()), dir);
            assertEquals(0, out.exitCode(), out.all());
        } finally {
            outside.stop(0);
            if (inside != null) {
                inside.descendants().forEach(ProcessHandle::destroy);
                inside.destroy();
                inside.waitFor(10, TimeUnit.SECONDS);
            }
            run("ip", "netns", "del", ns);
        }
    }

    private static void waitListening(String ns, int port) throws Exception {
        for (int i = 0; i < 100; i++) {
            Process p = new ProcessBuilder("ip", "netns", "exec", ns, "/usr/bin/python3", "-c",
                    "import socket; socket.create_connection(('127.0.0.1', " + port + "), 1)").start();
            if (p.waitFor() == 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the server in " + ns + " did not listen");
    }

    private static void run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", argv) + ": " + out);
        }
    }
}
