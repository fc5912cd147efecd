package cnibench.module.bench;

import cnibench.text.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Asks Prometheus's HTTP API (/api/v1/query, /api/v1/query_range) and unwraps its envelope. */
final class PrometheusClient {
    private static final ObjectMapper JSON = Json.MAPPER;

    /** A query Prometheus refused or could not answer; errorType is Prometheus's (bad_data, timeout ...) or "http". */
    static final class QueryException extends Exception {
        private final String errorType;

        QueryException(String errorType, String message) {
            super(message);
            this.errorType = errorType;
        }

        String errorType() {
            return errorType;
        }
    }

    /** Prometheus answers 503 until its storage is open: it is up but not ready yet, like a port not yet listening. */
    static final class NotReadyException extends IOException {
        NotReadyException(String message) {
            super(message);
        }
    }

    /** A successful answer: the data and any warnings Prometheus attached. */
    record Answer(PrometheusResult result, List<String> warnings) {
    }

    private final Duration timeout;
    private final HttpClient http;

    PrometheusClient(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** POSTs the parameters as a form to {@code baseUrl + endpoint}, as Prometheus accepts for long queries. */
    Answer query(String baseUrl, String endpoint, Map<String, String> params) throws QueryException, IOException, InterruptedException {
        URI uri = URI.create(baseUrl.replaceAll("/+$", "") + endpoint);
        List<String> form = new ArrayList<>();
        params.forEach((k, v) -> form.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", form))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            body = null;
        }
        if (response.statusCode() == 503 && (body == null || !body.has("status"))) {
            throw new NotReadyException("Prometheus at " + baseUrl + " is not ready yet (HTTP 503)");
        }
        if (body == null || !body.has("status")) {
            String text = response.body().strip().lines().findFirst().orElse("");
            throw new QueryException("http", "HTTP " + response.statusCode() + " from " + uri + (text.isEmpty() ? "" : ": " + text));
        }
        if (!"success".equals(body.path("status").asText())) {
            throw new QueryException(body.path("errorType").asText("unknown"), body.path("error").asText("no error text"));
        }
        List<String> warnings = new ArrayList<>();
        body.path("warnings").forEach(w -> warnings.add(w.asText()));
        return new Answer(PrometheusResult.fromData(body.path("data")), warnings);
    }
}
