package cnibench.k8segress;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Prometheus's HTTP API on 127.0.0.1 for the monitoring and scrape roles: instant queries answer that every node
 * exporter is up, range queries answer with CPU samples of the three nodes (both from fixtures), and the time of
 * the last scrape is now.
 */
public final class FakePrometheus implements AutoCloseable {
    private final HttpServer server;
    private final List<String> queries = new CopyOnWriteArrayList<>();

    public FakePrometheus(Path fixtures) throws IOException {
        this(fixtures, Files.readAllBytes(fixtures.resolve("prometheus-up.json")));
    }

    /** The same, answering that this many node exporters are up. */
    public FakePrometheus(Path fixtures, int nodes) throws IOException {
        this(fixtures, ("{\"status\": \"success\", \"data\": {\"resultType\": \"vector\", \"result\": [{\"metric\": {}, "
                + "\"value\": [" + System.currentTimeMillis() / 1000 + ", \"" + nodes + "\"]}]}}").getBytes(StandardCharsets.UTF_8));
    }

    private FakePrometheus(Path fixtures, byte[] up) throws IOException {
        byte[] range = Files.readAllBytes(fixtures.resolve("prometheus-range.json"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            if ("POST".equals(exchange.getRequestMethod())) {
                query = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            }
            queries.add(exchange.getRequestURI().getPath() + "?" + query);
            byte[] body = exchange.getRequestURI().getPath().endsWith("/query_range") ? range
                    : URLDecoder.decode(query, StandardCharsets.UTF_8).contains("timestamp(") ? lastScrape() : up;
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** Every target was scraped just now: answers the scrape role's wait for a scrape after the last window. */
    private static byte[] lastScrape() {
        double now = System.currentTimeMillis() / 1000.0;
        return ("{\"status\": \"success\", \"data\": {\"resultType\": \"vector\", \"result\": [{\"metric\": {}, \"value\": ["
                + now + ", \"" + now + "\"]}]}}").getBytes(StandardCharsets.UTF_8);
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<String> queries() {
        return queries;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
