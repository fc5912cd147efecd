package cnibench.k8segress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.kubernetes.CrdSchemas;
import cnibench.module.kubernetes.ModelFields;
import cnibench.module.kubernetes.ReferenceData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Renders every Kubernetes template of the egress roles with the engine (a small playbook of template tasks run
 * through ./runner with the local inventory's variables) and checks each object: custom resources against the
 * upstream CRD schemas in shared/reference, built-in kinds against fabric8's model (a known kind, no unknown field).
 */
class RenderedObjectsTest {
    private static final Map<String, Path> CRDS = Map.of(
            "Egress", ReferenceData.file("antrea-v2.7.0/egress-crd.yaml"),
            "ExternalIPPool", ReferenceData.file("antrea-v2.7.0/externalippool-crd.yaml"),
            "CiliumEgressGatewayPolicy", ReferenceData.file("cilium/ciliumegressgatewaypolicies-crd.yaml"));
    private static final List<String> TEMPLATES = List.of(
            "deploy_antrea_egress_gateway/templates/antrea-egress.yaml.j2",
            "deploy_cilium_egress_gateway/templates/cilium-egress.yaml.j2",
            "monitoring/templates/prometheus.yaml.j2",
            "monitoring/templates/node-exporter.yaml.j2",
            "run_egress_iperf/templates/iperf-client-pod.yaml.j2");

    @TempDir
    static Path work;

    private static final Map<String, List<Map<String, Object>>> RENDERED = new LinkedHashMap<>();
    private static final Map<String, Map<String, Object>> KIND_CONFIGS = new LinkedHashMap<>();

    @BeforeAll
    static void renderWithTheEngine() throws Exception {
        StringBuilder playbook = new StringBuilder("""
                - hosts: localhost
                  gather_facts: false
                  vars:
                    egress_iperf_server: 172.18.0.1
                    egress_node_ip: 172.18.0.4
                    egress_ip_pool: 172.18.255.247-172.18.255.254
                    egress_client_pod: iperf-client-gateway-1
                    egress_path: gateway
                    egress_path_timeout: 60
                  tasks:
                """);
        for (String template : TEMPLATES) {
            playbook.append("    - template: {src: ").append(EgressRunner.PROJECT.resolve("roles").resolve(template))
                    .append(", dest: ").append(work.resolve(Path.of(template).getFileName().toString().replace(".j2", ""))).append("}\n");
        }
        for (String cni : List.of("antrea", "cilium")) {
            playbook.append("    - template: {src: ").append(EgressRunner.PROJECT.resolve("templates/kind-config.yaml.j2"))
                    .append(", dest: ").append(work.resolve("kind-" + cni + ".yaml")).append("}\n")
                    .append("      vars: {cni: ").append(cni).append("}\n");
        }
        EgressRunner.render(work, playbook.toString());
        Load yaml = new Load(LoadSettings.builder().build());
        for (String template : TEMPLATES) {
            String name = Path.of(template).getFileName().toString().replace(".j2", "");
            List<Map<String, Object>> objects = new ArrayList<>();
            yaml.loadAllFromString(Files.readString(work.resolve(name))).forEach(o -> objects.add(map(o)));
            RENDERED.put(name, objects);
        }
        for (String cni : List.of("antrea", "cilium")) {
            KIND_CONFIGS.put(cni, map(yaml.loadFromString(Files.readString(work.resolve("kind-" + cni + ".yaml")))));
        }
    }

    @Test
    void antreaEgressObjectsMatchTheUpstreamSchemas() throws IOException {
        List<Map<String, Object>> objects = RENDERED.get("antrea-egress.yaml");
        assertEquals(List.of("ExternalIPPool", "Egress"), objects.stream().map(o -> o.get("kind")).toList());
        for (Map<String, Object> object : objects) {
            assertEquals("crd.antrea.io/v1beta1", object.get("apiVersion"));
            assertEquals(List.of(), validate(object), object.toString());
        }
        Map<String, Object> egress = objects.get(1);
        assertEquals(Map.of("appliedTo", Map.of("namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "egress-bench")),
                "podSelector", Map.of("matchLabels", Map.of("app", "iperf-client"))), "externalIPPool", "egress-iperf-pool"), egress.get("spec"));
        assertEquals(Map.of("ipRanges", List.of(Map.of("start", "172.18.255.247", "end", "172.18.255.254")),
                "nodeSelector", Map.of("matchLabels", Map.of("kubernetes.io/hostname", "cnibench-worker2"))), objects.get(0).get("spec"));
    }

    @Test
    void theThesisApiVersionOfEgressIsNoLongerServed() throws IOException {
        Map<String, Object> old = new LinkedHashMap<>(RENDERED.get("antrea-egress.yaml").get(1));
        old.put("apiVersion", "crd.antrea.io/v1alpha2");
        assertEquals(List.of("apiVersion: Unsupported value: \"crd.antrea.io/v1alpha2\": CustomResourceDefinition "
                + "egresses.crd.antrea.io serves crd.antrea.io/v1beta1"), validate(old));
    }

    @Test
    void ciliumEgressGatewayPolicyMatchesTheUpstreamSchema() throws IOException {
        List<Map<String, Object>> objects = RENDERED.get("cilium-egress.yaml");
        assertEquals(1, objects.size());
        Map<String, Object> policy = objects.get(0);
        assertEquals("cilium.io/v2", policy.get("apiVersion"));
        assertEquals(List.of(), validate(policy));
        assertEquals(Map.of("selectors", List.of(Map.of("podSelector", Map.of("matchLabels",
                        Map.of("io.kubernetes.pod.namespace", "egress-bench", "app", "iperf-client")))),
                "destinationCIDRs", List.of("172.18.0.1/32"),
                "egressGateway", Map.of("nodeSelector", Map.of("matchLabels", Map.of("kubernetes.io/hostname", "cnibench-worker2")),
                        "egressIP", "172.18.0.4")), policy.get("spec"));
    }

    @Test
    void monitoringAndClientPodAreKnownKindsWithoutUnknownFields() throws Exception {
        List<String> kinds = new ArrayList<>();
        for (String file : List.of("prometheus.yaml", "node-exporter.yaml", "iperf-client-pod.yaml")) {
            for (Map<String, Object> object : RENDERED.get(file)) {
                assertEquals(List.of(), ModelFields.unknownFields(object), file);
                kinds.add((String) object.get("kind"));
            }
        }
        assertEquals(List.of("Namespace", "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "ConfigMap", "Deployment", "Service",
                "DaemonSet", "Service", "Pod"), kinds);
        Map<String, Object> prometheusConfig = map(new Load(LoadSettings.builder().build()).loadFromString(
                (String) ((Map<?, ?>) RENDERED.get("prometheus.yaml").get(4).get("data")).get("prometheus.yml")));
        assertEquals("5s", ((Map<?, ?>) prometheusConfig.get("global")).get("scrape_interval"));
    }

    @Test
    void theClientPodSleepsThroughThePathWaitAndTheRunForTheirExecs() {
        Map<String, Object> pod = RENDERED.get("iperf-client-pod.yaml").get(0);
        Map<?, ?> container = (Map<?, ?>) ((List<?>) ((Map<?, ?>) pod.get("spec")).get("containers")).get(0);
        assertEquals(List.of("sleep", String.valueOf(60 + 1 + 10 + 120)), container.get("command"),
                "egress_path_timeout + iperf_omit + iperf_duration + iperf_pod_timeout");
        assertEquals(null, container.get("args"));
        assertEquals(Map.of("app", "iperf-client", "cnibench/path", "gateway"), ((Map<?, ?>) pod.get("metadata")).get("labels"));
    }

    @Test
    void kindConfigIsListing9AndDropsKubeProxyForCilium() {
        for (String cni : List.of("antrea", "cilium")) {
            Map<String, Object> config = KIND_CONFIGS.get(cni);
            assertEquals("Cluster", config.get("kind"));
            assertEquals("kind.x-k8s.io/v1alpha4", config.get("apiVersion"));
            assertEquals(List.of("control-plane", "worker", "worker"),
                    ((List<?>) config.get("nodes")).stream().map(n -> ((Map<?, ?>) n).get("role")).toList());
            Map<?, ?> networking = (Map<?, ?>) config.get("networking");
            assertEquals(true, networking.get("disableDefaultCNI"));
            assertEquals(cni.equals("cilium") ? "none" : null, networking.get("kubeProxyMode"), cni);
            assertEquals(null, ((Map<?, ?>) ((List<?>) config.get("nodes")).get(0)).get("extraPortMappings"),
                    "the egress benchmark publishes no host ports (the ingress playbooks publish 80 and 443)");
        }
    }

    private static List<String> validate(Map<String, Object> object) throws IOException {
        return CrdSchemas.validate(CRDS.get((String) object.get("kind")), object);
    }

    private static Map<String, Object> map(Object yaml) {
        return CrdSchemas.map(yaml);
    }
}
