package cnibench.k8singress;

import cnibench.k8segress.AksArm;
import cnibench.k8segress.FakeCluster;
import cnibench.module.kubernetes.StandIns;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The controllers of the ingress scenario that fabric8's CRUD mock does not run, on top of the egress tests'
 * {@link FakeCluster} (kind's nodes, Deployments made Available, Cilium's operator after its Helm install):
 * <ul>
 * <li>NGINX Gateway Fabric's controller Deployment once Helm has installed the ngf release;</li>
 * <li>the analyzer's pod (its log is what the mirror counts), once its Deployment exists;</li>
 * <li>the Gateway controller: a Gateway gets Accepted and Programmed for its generation and, as MetalLB would
 * give its LoadBalancer Service, the first address of the IPAddressPool (on AKS, {@link #onAks}: the public address
 * Azure's load balancer would give it, with no MetalLB);</li>
 * <li>the route controller: each new generation of an HTTPRoute gets Accepted and ResolvedRefs (False when a
 * backend Service does not exist) for that generation, and its weights and mirror percent are written to
 * $STANDIN_DIR/route-weights first, where the k6 stand-in reads the split the data plane would make.</li>
 * </ul>
 */
final class IngressControllers implements AutoCloseable {
    static final String GATEWAY_API = "gateway.networking.k8s.io/v1";
    static final String ANALYZER_POD = "analyzer-7f9c6d5b84-q2w3e";

    private final KubernetesClient client;
    private final StandIns standIns;
    private final FakeCluster cluster;
    /** The Gateway's address on AKS; null on kind, where it comes from MetalLB's pool. */
    private final String cloudAddress;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, Long> routeGenerationsSeen = new ConcurrentHashMap<>();
    private final List<String> routeWeightsSeen = new ArrayList<>();
    private volatile Throwable failure;

    /** On kind: its nodes, and the Gateway's address from MetalLB's pool. */
    IngressControllers(KubernetesClient client, StandIns standIns) {
        this(client, standIns, new FakeCluster(client, standIns, List.of()), null);
    }

    /** On AKS: its nodes, and the Gateway gets publicAddress as soon as it exists. */
    static IngressControllers onAks(KubernetesClient client, StandIns standIns, String publicAddress) {
        return new IngressControllers(client, standIns, new FakeCluster(client, standIns, List.of(), AksArm.NODES), publicAddress);
    }

    private IngressControllers(KubernetesClient client, StandIns standIns, FakeCluster cluster, String cloudAddress) {
        this.client = client;
        this.standIns = standIns;
        this.cluster = cluster;
        this.cloudAddress = cloudAddress;
        loop.scheduleWithFixedDelay(this::step, 0, 100, TimeUnit.MILLISECONDS);
    }

    /** Every split the route controller saw, in order: "stable canary mirror-percent". */
    synchronized List<String> routeWeightsSeen() {
        if (failure != null) {
            throw new AssertionError("the fake ingress controllers failed", failure);
        }
        cluster.egressObjectsAtPod();
        return List.copyOf(routeWeightsSeen);
    }

    private void step() {
        try {
            startNginxGatewayFabricOnceHelmInstalled();
            startAnalyzerPod();
            client.genericKubernetesResources(GATEWAY_API, "Gateway").inAnyNamespace().list().getItems().forEach(this::program);
            for (GenericKubernetesResource route : client.genericKubernetesResources(GATEWAY_API, "HTTPRoute").inAnyNamespace().list()
                    .getItems()) {
                route(route);
            }
        } catch (Throwable e) {
            failure = e;
        }
    }

    private void startNginxGatewayFabricOnceHelmInstalled() throws IOException {
        if (!standIns.log().contains("helm upgrade --install --reset-values ngf ")
                || client.apps().deployments().inNamespace("nginx-gateway").withName("ngf-nginx-gateway-fabric").get() != null) {
            return;
        }
        client.apps().deployments().inNamespace("nginx-gateway").resource(new DeploymentBuilder().withNewMetadata()
                .withName("ngf-nginx-gateway-fabric").withNamespace("nginx-gateway").endMetadata().withNewSpec().withNewSelector()
                .addToMatchLabels("app.kubernetes.io/name", "nginx-gateway-fabric").endSelector().endSpec().build()).create();
    }

    private void startAnalyzerPod() {
        if (client.apps().deployments().inNamespace(IngressRun.NAMESPACE).withName("analyzer").get() == null
                || client.pods().inNamespace(IngressRun.NAMESPACE).withName(ANALYZER_POD).get() != null) {
            return;
        }
        client.pods().inNamespace(IngressRun.NAMESPACE).resource(new PodBuilder().withNewMetadata().withName(ANALYZER_POD)
                .withNamespace(IngressRun.NAMESPACE).addToLabels("app", "analyzer").endMetadata().withNewSpec().addNewContainer()
                .withName("nginx").withImage("nginx").endContainer().endSpec().withNewStatus().withPhase("Running").endStatus()
                .build()).create();
    }

    private void program(GenericKubernetesResource gateway) {
        Long generation = gateway.getMetadata().getGeneration();
        if (gateway.getAdditionalProperties().get("status") instanceof Map<?, ?> status && status.get("addresses") != null) {
            return;
        }
        String address = cloudAddress != null ? cloudAddress : metalLbAddress();
        if (address == null) {
            return;
        }
        Map<String, Object> newStatus = new LinkedHashMap<>();
        newStatus.put("addresses", List.of(Map.of("type", "IPAddress", "value", address)));
        newStatus.put("conditions", List.of(condition("Accepted", "True", generation), condition("Programmed", "True", generation)));
        gateway.getAdditionalProperties().put("status", newStatus);
        client.genericKubernetesResources(GATEWAY_API, "Gateway").resource(gateway).updateStatus();
    }

    /** The first address of MetalLB's pool, null while there is none. */
    private String metalLbAddress() {
        GenericKubernetesResource pool = client.genericKubernetesResources("metallb.io/v1beta1", "IPAddressPool")
                .inNamespace("metallb-system").withName("kind-pool").get();
        if (pool == null) {
            return null;
        }
        String range = (String) ((List<?>) ((Map<?, ?>) pool.getAdditionalProperties().get("spec")).get("addresses")).get(0);
        return range.split("[-/]")[0];
    }

    private synchronized void route(GenericKubernetesResource route) throws IOException {
        String key = route.getMetadata().getNamespace() + "/" + route.getMetadata().getName();
        Long generation = route.getMetadata().getGeneration();
        if (generation.equals(routeGenerationsSeen.get(key))) {
            return;
        }
        Map<?, ?> rule = (Map<?, ?>) ((List<?>) ((Map<?, ?>) route.getAdditionalProperties().get("spec")).get("rules")).get(0);
        Map<String, Object> weights = new HashMap<>();
        boolean resolved = true;
        for (Object ref : (List<?>) rule.get("backendRefs")) {
            Map<?, ?> backend = (Map<?, ?>) ref;
            weights.put((String) backend.get("name"), backend.get("weight"));
            resolved &= client.services().inNamespace(route.getMetadata().getNamespace()).withName((String) backend.get("name")).get() != null;
        }
        Object mirror = 0;
        if (rule.get("filters") instanceof List<?> filters) {
            for (Object filter : filters) {
                if (((Map<?, ?>) filter).get("requestMirror") instanceof Map<?, ?> m) {
                    mirror = m.get("percent");
                }
            }
        }
        String split = weights.getOrDefault("stable", 0) + " " + weights.getOrDefault("canary", 0) + " " + mirror;
        Files.writeString(standIns.dir().resolve("route-weights"), split + "\n");
        routeWeightsSeen.add(split);
        String gateway = (String) ((Map<?, ?>) ((List<?>) ((Map<?, ?>) route.getAdditionalProperties().get("spec"))
                .get("parentRefs")).get(0)).get("name");
        Map<String, Object> parent = new LinkedHashMap<>();
        parent.put("parentRef", Map.of("group", "gateway.networking.k8s.io", "kind", "Gateway", "name", gateway));
        parent.put("controllerName", "example.net/fake-gateway-controller");
        parent.put("conditions", List.of(condition("Accepted", "True", generation),
                condition("ResolvedRefs", resolved ? "True" : "False", generation)));
        route.getAdditionalProperties().put("status", Map.of("parents", List.of(parent)));
        client.genericKubernetesResources(GATEWAY_API, "HTTPRoute").resource(route).updateStatus();
        routeGenerationsSeen.put(key, generation);
    }

    private static Map<String, Object> condition(String type, String status, Long generation) {
        Map<String, Object> condition = new LinkedHashMap<>();
        condition.put("type", type);
        condition.put("status", status);
        condition.put("reason", status.equals("True") ? type : "BackendNotFound");
        condition.put("message", "");
        condition.put("lastTransitionTime", Instant.now().toString().replaceAll("\\.\\d+Z$", "Z"));
        condition.put("observedGeneration", generation);
        return condition;
    }

    @Override
    public void close() {
        loop.shutdownNow();
        cluster.close();
    }
}
