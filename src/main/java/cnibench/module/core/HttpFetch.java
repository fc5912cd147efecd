package cnibench.module.core;

import cnibench.module.spi.Arguments;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** HTTP requests for uri and get_url with Ansible's url arguments (java.net.http underneath). */
final class HttpFetch {
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(200, "OK"), Map.entry(201, "Created"), Map.entry(202, "Accepted"), Map.entry(204, "No Content"),
            Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"), Map.entry(303, "See Other"),
            Map.entry(304, "Not Modified"), Map.entry(307, "Temporary Redirect"), Map.entry(308, "Permanent Redirect"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"),
            Map.entry(422, "Unprocessable Entity"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"));

    private HttpFetch() {
    }

    /** A completed exchange; status -1 with error set when no response arrived. */
    record Response(int status, String finalUrl, Map<String, List<String>> headers, byte[] body, String error, long elapsedSeconds) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }

        /** Ansible's msg: "OK (N bytes)" or urllib's "HTTP Error 404: Not Found". */
        String message() {
            if (status == -1) {
                return "Request failed: " + error;
            }
            if (status >= 400 || status == 304) {
                return "HTTP Error " + status + ": " + REASONS.getOrDefault(status, "");
            }
            String length = header("content-length");
            return "OK (" + (length == null ? "unknown" : length) + " bytes)";
        }
    }

    static Response send(Arguments args, String method, byte[] body, Map<String, String> headers, String followRedirects)
            throws InterruptedException {
        String url = args.str("url");
        long started = System.nanoTime();
        try {
            HttpClient client = client(args, method, followRedirects);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(args.integer("timeout")))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            if (args.has("http_agent")) {
                request.header("User-Agent", args.str("http_agent"));
            }
            if (args.has("url_username") && (args.bool("force_basic_auth") || args.has("url_password"))) {
                String pair = args.str("url_username") + ":" + args.str("url_password", "");
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
            }
            headers.forEach(request::header);
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.uri().toString(), response.headers().map(), response.body(), null,
                    elapsed(started));
        } catch (ConnectException e) {
            return failure(started, "<urlopen error [Errno 111] Connection refused>");
        } catch (HttpTimeoutException e) {
            return failure(started, "<urlopen error timed out>");
        } catch (IOException | IllegalArgumentException e) {
            return failure(started, "<urlopen error " + e.getMessage() + ">");
        }
    }

    private static Response failure(long started, String error) {
        return new Response(-1, null, Map.of(), new byte[0], error, elapsed(started));
    }

    private static long elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toSeconds();
    }

    private static HttpClient client(Arguments args, String method, String followRedirects) {
        HttpClient.Redirect redirect = switch (followRedirects) {
            case "all", "yes" -> HttpClient.Redirect.ALWAYS;
            case "none", "no" -> HttpClient.Redirect.NEVER;
            case "urllib2" -> HttpClient.Redirect.NORMAL;
            default -> method.equals("GET") || method.equals("HEAD") ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER;
        };
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(redirect)
                .connectTimeout(Duration.ofSeconds(args.integer("timeout")));
        if (!args.bool("validate_certs")) {
            builder.sslContext(trustAll());
        }
        return builder.build();
    }

    /** validate_certs: false — accept any certificate, as Ansible does. */
    private static SSLContext trustAll() {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustAll}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Response headers as Ansible adds them to results: lower case, dashes as underscores. */
    static Map<String, Object> headerFields(Response response) {
        Map<String, Object> out = new LinkedHashMap<>();
        response.headers().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                out.put(name.toLowerCase().replace('-', '_'), String.join(", ", values));
            }
        });
        return out;
    }

    /** Header values of the headers argument as strings. */
    static Map<String, String> headers(Arguments args) {
        Map<String, String> out = new LinkedHashMap<>();
        args.map("headers").forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
