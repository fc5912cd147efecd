package cnibench.module.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The hand-written client against a server that answers with exact bytes, in pieces, or closes. */
class HttpLoadClientTest {

    /** Serves one response per request from the list, in order, each written in {@code piece}-byte writes. */
    private static final class ScriptedServer implements AutoCloseable {
        final ServerSocket server;
        final AtomicInteger connections = new AtomicInteger();
        final StringBuilder requests = new StringBuilder();

        ScriptedServer(List<String> responses, int piece) throws Exception {
            server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                int next = 0;
                while (next < responses.size()) {
                    try (Socket s = server.accept(); InputStream in = new BufferedInputStream(s.getInputStream());
                         OutputStream out = s.getOutputStream()) {
                        s.setTcpNoDelay(true);
                        connections.incrementAndGet();
                        while (next < responses.size() && readHead(in)) {
                            String response = responses.get(next++);
                            byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
                            for (int at = 0; at < bytes.length; at += piece) {
                                out.write(bytes, at, Math.min(piece, bytes.length - at));
                                out.flush();
                            }
                            if (response.contains("Connection: close") || response.contains("X-Test: close")
                                    || response.startsWith("HTTP/1.0")) {
                                break;
                            }
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
        }

        private boolean readHead(InputStream in) throws Exception {
            StringBuilder head = new StringBuilder();
            for (int c; (c = in.read()) >= 0; ) {
                head.append((char) c);
                if (head.toString().endsWith("\r\n\r\n")) {
                    synchronized (requests) {
                        requests.append(head);
                    }
                    return true;
                }
            }
            return false;
        }

        KeepAliveHttpClient client(String sequenceHeader) {
            URI url = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/p?q=1");
            return new KeepAliveHttpClient(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), "GET",
                    RequestBytes.of(url, "GET", Map.of("X-Stage", "5"), null, sequenceHeader), 1000, 2000);
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }

    private static String ok(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    /** Exchange number sequence is answered with the status and, as far as the client keeps it, the body. */
    private static void assertExchange(KeepAliveHttpClient client, long sequence, int status, String body) throws LoadError {
        assertEquals(status, client.exchange(sequence));
        assertEquals(body, client.body().toString());
    }

    @Test
    void sendsOneRequestPerExchangeWithTheSequenceNumber() throws Exception {
        try (ScriptedServer server = new ScriptedServer(List.of(ok("a"), ok("b")), 1 << 20);
             KeepAliveHttpClient client = server.client("X-Cnibench-Request")) {
            assertExchange(client, 0, 200, "a");
            assertExchange(client, 1234567, 200, "b");
            assertEquals("GET /p?q=1 HTTP/1.1\r\nHost: 127.0.0.1:" + server.server.getLocalPort()
                    + "\r\nUser-Agent: cnibench-http_load\r\nX-Stage: 5\r\nX-Cnibench-Request: 0\r\n\r\n", server.requests.substring(
                    0, server.requests.indexOf("\r\n\r\n") + 4));
            assertTrue(server.requests.toString().contains("X-Cnibench-Request: 1234567\r\n"));
            assertEquals(1, server.connections.get());
        }
    }

    @Test
    void readsResponsesThatArriveAByteAtATime() throws Exception {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nHostna\r\n9;x=y\r\nme: cana-\r\n3\r\nry\n\r\n0\r\n\r\n";
        try (ScriptedServer server = new ScriptedServer(List.of(ok("Hostname: stable"), chunked, "HTTP/1.1 204 No Content\r\n\r\n",
                ok("x")), 1); KeepAliveHttpClient client = server.client(null)) {
            assertExchange(client, 0, 200, "Hostname: stable");
            assertExchange(client, 1, 200, "Hostname: cana-ry\n");
            assertExchange(client, 2, 204, "");
            assertEquals(200, client.exchange(3));
            assertEquals(1, server.connections.get());
        }
    }

    @Test
    void keepsTheFirst16KibOfALargeBodyAndReadsTheRest() throws Exception {
        String big = "Hostname: big\n" + "x".repeat(200_000);
        String bigChunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(big.length()) + "\r\n" + big
                + "\r\n5\r\nhello\r\n0\r\n\r\n";
        try (ScriptedServer server = new ScriptedServer(List.of(ok(big), bigChunked, ok("after")), 1 << 20);
             KeepAliveHttpClient client = server.client(null)) {
            assertEquals(200, client.exchange(0));
            assertEquals(KeepAliveHttpClient.KEPT_BODY, client.body().length());
            assertTrue(client.body().toString().startsWith("Hostname: big\nxxx"));
            assertExchange(client, 1, 200, big.substring(0, KeepAliveHttpClient.KEPT_BODY));
            assertExchange(client, 2, 200, "after");
            assertEquals(1, server.connections.get());
        }
    }

    @Test
    void reconnectsAfterConnectionCloseAndReadsHttp10BodiesToTheEnd() throws Exception {
        String closing = "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok";
        String http10 = "HTTP/1.0 200 OK\r\n\r\nHostname: old";
        try (ScriptedServer server = new ScriptedServer(List.of(closing, http10, ok("new")), 1 << 20);
             KeepAliveHttpClient client = server.client(null)) {
            assertEquals(200, client.exchange(0));
            assertExchange(client, 1, 200, "Hostname: old");
            assertExchange(client, 2, 200, "new");
            assertEquals(3, server.connections.get());
        }
    }

    @Test
    void aKeepAliveConnectionClosedWhileIdleIsReplacedAndTheRequestSentAgain() throws Exception {
        String thenClose = "HTTP/1.1 200 OK\r\nX-Test: close\r\nContent-Length: 1\r\n\r\n1";
        try (ScriptedServer server = new ScriptedServer(List.of(thenClose, ok("2")), 1 << 20);
             KeepAliveHttpClient client = server.client(null)) {
            assertEquals(200, client.exchange(0));
            assertEquals(false, client.retried());
            Thread.sleep(100); // the close reaches the client
            assertExchange(client, 1, 200, "2");
            assertEquals(true, client.retried());
            assertEquals(2, server.connections.get());
        }
    }

    @Test
    void aTruncatedResponseIsAResetAndGarbageAProtocolError() throws Exception {
        try (ScriptedServer server = new ScriptedServer(List.of("HTTP/1.1 200 OK\r\nContent-Length: 10\r\nConnection: close\r\n\r\nabc",
                "SSH-2.0-OpenSSH\r\n\r\n"), 1 << 20); KeepAliveHttpClient client = server.client(null)) {
            LoadError reset = assertThrows(LoadError.class, () -> client.exchange(0));
            assertEquals(LoadError.Kind.RESET, reset.kind());
            LoadError garbage = assertThrows(LoadError.class, () -> client.exchange(1));
            assertEquals(LoadError.Kind.PROTOCOL, garbage.kind());
        }
    }
}
