package cnibench.module.azure;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Protocol;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * Azure Resource Manager as far as the azure modules use it, over https with its own CA: resource groups,
 * managed clusters with their long-running operations (201/202 + Azure-AsyncOperation, polled with
 * Retry-After: 1, one InProgress then Succeeded or a Failed status with an error code), the resources of a group
 * and the clusters' credentials. Faults are queued per method and path; every request is recorded.
 */
public final class ArmStub implements AutoCloseable {
    /** In the kubeconfig and the access token the tests hand out: must never appear in any output. */
    public static final String SECRET = "stub-secret-7f3a9c";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GROUP = Pattern.compile("(?i)/subscriptions/([^/]+)/resourcegroups/([^/?]+)(/resources)?");
    private static final Pattern CLUSTER = Pattern.compile(
            "(?i)/subscriptions/([^/]+)/resourcegroups/([^/]+)/providers/Microsoft.ContainerService/managedClusters/([^/?]+)(/[^?]+)?");
    private static final Pattern OPERATION = Pattern.compile("/operations/(\\d+)");

    private final MockWebServer server = new MockWebServer();
    private final HeldCertificate ca;
    private final Map<String, Map<String, Object>> groups = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> clusters = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> lastPuts = new ConcurrentHashMap<>();
    private final Map<Integer, Operation> operations = new ConcurrentHashMap<>();
    private final AtomicInteger nextOperation = new AtomicInteger();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile String failNextOperationWith;
    private volatile String kubernetesServer = "https://cnibench-dns.hcp.westeurope.azmk8s.io:443";

    private record Fault(String method, String pathPart, MockResponse response) {
    }

    /** A long-running operation: polled once InProgress, then done (running its effect) or Failed. */
    private static final class Operation {
        final Runnable effect;
        final String failure;
        int polls;

        Operation(Runnable effect, String failure) {
            this.effect = effect;
            this.failure = failure;
        }
    }

    public ArmStub() throws IOException {
        ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("cnibench test CA").build();
        HeldCertificate leaf = new HeldCertificate.Builder().signedBy(ca).addSubjectAlternativeName("127.0.0.1")
                .addSubjectAlternativeName("localhost").build();
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(leaf, ca.certificate()).build().sslSocketFactory());
        server.setProtocols(List.of(Protocol.HTTP_1_1));
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return handle(request);
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    /** The Resource Manager URL to give cloud_environment. */
    public String url() {
        return "https://127.0.0.1:" + server.getPort() + "/";
    }

    /** Writes the stub's CA certificate as PEM, for $CNIBENCH_AZURE_CA_FILE. */
    public Path writeCa(Path file) throws IOException {
        return Files.writeString(file, ca.certificatePem());
    }

    /** The API server the kubeconfigs handed out point at. */
    public ArmStub kubernetesServer(String url) {
        kubernetesServer = url;
        return this;
    }

    /** The next request whose method matches and whose path contains pathPart gets this response instead. */
    public synchronized ArmStub fault(String method, String pathPart, int code, Map<String, String> headers, String body) {
        MockResponse.Builder response = new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body);
        headers.forEach(response::addHeader);
        faults.add(new Fault(method, pathPart, response.build()));
        return this;
    }

    /** The next long-running operation ends Failed with this error code. */
    public ArmStub failNextOperation(String code) {
        failNextOperationWith = code;
        return this;
    }

    /** "METHOD path" of every request, in order. */
    public List<String> requests() {
        return requests;
    }

    public long count(String method, String pathPart) {
        return requests.stream().filter(r -> r.startsWith(method + " ") && r.contains(pathPart)).count();
    }

    public boolean hasCluster(String group, String name) {
        return clusters.containsKey(key(group, name));
    }

    public boolean hasGroup(String name) {
        return groups.containsKey(name.toLowerCase());
    }

    /** The last body sent with a PUT of this cluster (kept after it is deleted). */
    public Map<String, Object> cluster(String group, String name) {
        return lastPuts.get(key(group, name));
    }

    /** The kubeconfig this stub hands out for a cluster. */
    public String kubeconfig(String name) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster: {server: "%2$s", insecure-skip-tls-verify: true}
                users:
                - name: clusterUser_%1$s
                  user: {token: %3$s}
                contexts:
                - name: %1$s
                  context: {cluster: %1$s, user: clusterUser_%1$s}
                current-context: %1$s
                """.formatted(name, kubernetesServer, SECRET);
    }

    private MockResponse handle(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        requests.add(request.getMethod() + " " + path);
        if (!("Bearer " + SECRET).equals(request.getHeaders().get("Authorization"))) {
            return json(401, error("InvalidAuthenticationToken", "The access token is missing or invalid."));
        }
        MockResponse fault = takeFault(request.getMethod(), path);
        if (fault != null) {
            return fault;
        }
        try {
            Matcher op = OPERATION.matcher(path);
            if (op.matches()) {
                return poll(Integer.parseInt(op.group(1)));
            }
            Matcher cluster = CLUSTER.matcher(path);
            if (cluster.matches()) {
                return cluster(request, cluster.group(2), cluster.group(3), cluster.group(4));
            }
            Matcher group = GROUP.matcher(path);
            if (group.matches()) {
                return group(request, group.group(2), group.group(3) != null);
            }
        } catch (IOException e) {
            return json(400, error("InvalidRequestContent", e.getMessage()));
        }
        return json(404, error("NotFound", "the stub does not serve " + path));
    }

    private synchronized MockResponse takeFault(String method, String path) {
        for (Fault f : faults) {
            if (f.method().equals(method) && path.contains(f.pathPart())) {
                faults.remove(f);
                return f.response();
            }
        }
        return null;
    }

    private MockResponse group(RecordedRequest request, String name, boolean resources) throws IOException {
        String key = name.toLowerCase();
        Map<String, Object> group = groups.get(key);
        if (resources) {
            List<Object> names = new ArrayList<>();
            clusters.forEach((k, c) -> {
                if (k.startsWith(key + "/")) {
                    names.add(Map.of("name", c.get("name"), "type", "Microsoft.ContainerService/managedClusters"));
                }
            });
            return json(200, Map.of("value", names));
        }
        switch (request.getMethod()) {
            case "GET":
                return group == null ? json(404, error("ResourceGroupNotFound", "Resource group '" + name + "' could not be found."))
                        : json(200, group);
            case "PUT":
                Map<String, Object> body = body(request);
                body.put("id", "/subscriptions/stub/resourceGroups/" + name);
                body.put("name", name);
                body.put("properties", Map.of("provisioningState", "Succeeded"));
                groups.put(key, body);
                return json(group == null ? 201 : 200, body);
            case "DELETE":
                if (group == null) {
                    return json(404, error("ResourceGroupNotFound", "Resource group '" + name + "' could not be found."));
                }
                return accepted(202, null, () -> groups.remove(key));
            default:
                return json(405, error("MethodNotAllowed", request.getMethod()));
        }
    }

    private MockResponse cluster(RecordedRequest request, String group, String name, String action) throws IOException {
        String key = key(group, name);
        Map<String, Object> cluster = clusters.get(key);
        if (action != null) {
            if (cluster == null) {
                return notFound(name);
            }
            String value = Base64.getEncoder().encodeToString(kubeconfig(name).getBytes(StandardCharsets.UTF_8));
            return json(200, Map.of("kubeconfigs", List.of(Map.of("name", "clusterUser", "value", value))));
        }
        switch (request.getMethod()) {
            case "GET":
                return cluster == null ? notFound(name) : json(200, cluster);
            case "PUT":
                if (!groups.containsKey(group.toLowerCase())) {
                    return json(404, error("ResourceGroupNotFound", "Resource group '" + group + "' could not be found."));
                }
                Map<String, Object> body = body(request);
                lastPuts.put(key, body);
                Map<String, Object> created = created(group, name, body);
                return accepted(cluster == null ? 201 : 200, created, () -> clusters.put(key, created));
            case "DELETE":
                if (cluster == null) {
                    return json(204, null);
                }
                return accepted(202, null, () -> clusters.remove(key));
            default:
                return json(405, error("MethodNotAllowed", request.getMethod()));
        }
    }

    /** The PUT body as Azure would return it: ids, provisioning state and the read-only values filled in. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> created(String group, String name, Map<String, Object> body) {
        body.put("id", "/subscriptions/stub/resourcegroups/" + group + "/providers/Microsoft.ContainerService/managedClusters/" + name);
        body.put("name", name);
        body.put("type", "Microsoft.ContainerService/ManagedClusters");
        Map<String, Object> properties = (Map<String, Object>) body.computeIfAbsent("properties", k -> new LinkedHashMap<>());
        properties.put("provisioningState", "Succeeded");
        properties.put("currentKubernetesVersion", properties.get("kubernetesVersion"));
        properties.put("fqdn", properties.get("dnsPrefix") + "-stub.hcp." + body.get("location") + ".azmk8s.io");
        properties.put("nodeResourceGroup", "MC_" + group + "_" + name + "_" + body.get("location"));
        return body;
    }

    /** 201/202 with Azure-AsyncOperation and Location; the effect happens when the operation succeeds. */
    @SuppressWarnings("unchecked")
    private MockResponse accepted(int code, Map<String, Object> body, Runnable effect) {
        int id = nextOperation.incrementAndGet();
        String failure = failNextOperationWith;
        failNextOperationWith = null;
        operations.put(id, new Operation(effect, failure));
        String url = url() + "operations/" + id;
        MockResponse.Builder response = new MockResponse.Builder().code(code).addHeader("Azure-AsyncOperation", url)
                .addHeader("Location", url).addHeader("Retry-After", "1").addHeader("Content-Type", "application/json");
        if (body != null) {
            Map<String, Object> creating = new LinkedHashMap<>(body);
            creating.put("properties", new LinkedHashMap<>((Map<?, ?>) body.get("properties")));
            ((Map<String, Object>) creating.get("properties")).put("provisioningState", code == 201 ? "Creating" : "Updating");
            response.body(write(creating));
        }
        return response.build();
    }

    private MockResponse poll(int id) {
        Operation op = operations.get(id);
        if (op == null) {
            return notFound("operation " + id);
        }
        if (op.polls++ == 0) {
            return new MockResponse.Builder().code(200).addHeader("Retry-After", "1").addHeader("Content-Type", "application/json")
                    .body(write(Map.of("status", "InProgress"))).build();
        }
        if (op.failure != null) {
            return json(200, Map.of("status", "Failed", "error", Map.of("code", op.failure,
                    "message", "The operation failed: " + op.failure + " (from the stub)")));
        }
        if (op.polls == 2) {
            op.effect.run();
        }
        return json(200, Map.of("status", "Succeeded"));
    }

    private static MockResponse notFound(String name) {
        return json(404, error("ResourceNotFound", "The Resource '" + name + "' was not found."));
    }

    private static Map<String, Object> error(String code, String message) {
        return Map.of("error", Map.of("code", code, "message", message));
    }

    private static MockResponse json(int code, Object body) {
        MockResponse.Builder response = new MockResponse.Builder().code(code);
        if (body != null) {
            response.addHeader("Content-Type", "application/json").body(write(body));
        }
        return response.build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(RecordedRequest request) throws IOException {
        return JSON.readValue(request.getBody().utf8(), LinkedHashMap.class);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(String group, String name) {
        return (group + "/" + name).toLowerCase();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
