package cnibench.k8singress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cnibench.k8segress.EgressRunner;
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
 * Renders every Kubernetes template of the ingress roles with the engine (a playbook of template tasks run through
 * ./runner with the local inventory's variables) and checks each object: Gateway API objects against the v1.6.1
 * standard CRDs (the only copies in shared/reference: NGINX Gateway Fabric's v1.5.1 is validated against them too),
 * MetalLB's against its v0.16.1 CRDs, built-in kinds against fabric8's model.
 */
class IngressRenderedObjectsTest {
    private static final Map<String, Path> CRDS = Map.of(
            "GatewayClass", ReferenceData.file("gateway-api-v1.6.1/gatewayclasses-crd.yaml"),
            "Gateway", ReferenceData.file("gateway-api-v1.6.1/gateways-crd.yaml"),
            "HTTPRoute", ReferenceData.file("gateway-api-v1.6.1/httproutes-crd.yaml"),
            "IPAddressPool", ReferenceData.file("metallb-v0.16.1/ipaddresspools-crd.yaml"),
            "L2Advertisement", ReferenceData.file("metallb-v0.16.1/l2advertisements-crd.yaml"));

    @TempDir
    static Path work;

    private static final Map<String, List<Map<String, Object>>> RENDERED = new LinkedHashMap<>();
    private static String poolRange;

    @BeforeAll
    static void renderWithTheEngine() throws Exception {
        Path roles = EgressRunner.PROJECT.resolve("roles");
        String playbook = """
                - hosts: localhost
                  gather_facts: false
                  vars:
                    route_mirror_percent:
                  tasks:
                    - template: {src: %1$s/deploy_gateway/templates/gateway.yaml.j2, dest: %2$s/gateway-nginx.yaml}
                      vars: {gateway_class: nginx}
                    - template: {src: %1$s/deploy_gateway/templates/gateway.yaml.j2, dest: %2$s/gateway-cilium.yaml}
                      vars: {gateway_class: cilium}
                    - template: {src: %1$s/ingress_gateway/templates/httproute.yaml.j2, dest: %2$s/route-stage.yaml}
                      vars: {route_weights: {stable: 95, canary: 5}}
                    - template: {src: %1$s/ingress_gateway/templates/httproute.yaml.j2, dest: %2$s/route-mirror.yaml}
                      vars: {route_weights: {stable: 50, canary: 50}, route_mirror_percent: 40}
                    - template: {src: %1$s/kind_network/templates/top-range.j2, dest: %2$s/pool-range.txt}
                      vars: {kind_network_subnets: [172.18.0.0/16], kind_range_size: "{{ metallb_pool_size }}"}
                    - template: {src: %1$s/install_metallb/templates/metallb-pool.yaml.j2, dest: %2$s/metallb-pool.yaml}
                      vars: {metallb_pool_range: 172.18.255.205-172.18.255.254}
                    - template: {src: %1$s/deploy_canary_apps/templates/canary-apps.yaml.j2, dest: %2$s/canary-apps.yaml}
                """.formatted(roles, work);
        EgressRunner.render(work, playbook);
        Load yaml = new Load(LoadSettings.builder().build());
        for (String name : List.of("gateway-nginx", "gateway-cilium", "route-stage", "route-mirror", "metallb-pool", "canary-apps")) {
            List<Map<String, Object>> objects = new ArrayList<>();
            yaml.loadAllFromString(Files.readString(work.resolve(name + ".yaml"))).forEach(o -> objects.add(map(o)));
            RENDERED.put(name, objects);
        }
        poolRange = Files.readString(work.resolve("pool-range.txt")).strip();
    }

    @Test
    void gatewayClassAndGatewayMatchTheGatewayApiSchemasForBothStacks() throws IOException {
        for (String stack : List.of("nginx", "cilium")) {
            List<Map<String, Object>> objects = RENDERED.get("gateway-" + stack);
            assertEquals(List.of("GatewayClass", "Gateway"), objects.stream().map(o -> o.get("kind")).toList());
            for (Map<String, Object> object : objects) {
                assertEquals("gateway.networking.k8s.io/v1", object.get("apiVersion"));
                assertEquals(List.of(), validate(object), object.toString());
            }
            assertEquals(Map.of("controllerName", stack.equals("nginx") ? "gateway.nginx.org/nginx-gateway-controller"
                    : "io.cilium/gateway-controller"), objects.get(0).get("spec"));
            assertEquals(Map.of("gatewayClassName", stack, "listeners", List.of(Map.of("name", "http", "protocol", "HTTP", "port", 80,
                    "allowedRoutes", Map.of("namespaces", Map.of("from", "Same"))))), objects.get(1).get("spec"));
        }
    }

    @Test
    void stageAndMirrorRoutesMatchTheHttpRouteSchema() throws IOException {
        Map<String, Object> stage = RENDERED.get("route-stage").get(0);
        assertEquals(List.of(), validate(stage));
        Map<?, ?> rule = (Map<?, ?>) ((List<?>) ((Map<?, ?>) stage.get("spec")).get("rules")).get(0);
        assertEquals(List.of(Map.of("name", "stable", "port", 80, "weight", 95), Map.of("name", "canary", "port", 80, "weight", 5)),
                rule.get("backendRefs"));
        assertEquals(Map.of("name", "canary", "namespace", "ingress-bench"), stage.get("metadata"));

        Map<String, Object> mirror = RENDERED.get("route-mirror").get(0);
        assertEquals(List.of(), validate(mirror));
        Map<?, ?> mirrorRule = (Map<?, ?>) ((List<?>) ((Map<?, ?>) mirror.get("spec")).get("rules")).get(0);
        assertEquals(List.of(Map.of("type", "RequestMirror", "requestMirror", Map.of("backendRef", Map.of("name", "analyzer", "port", 80),
                "percent", 40))), mirrorRule.get("filters"));
    }

    @Test
    void metallbPoolIsTheTopOfTheKindNetworkAndMatchesItsSchemas() throws IOException {
        assertEquals("172.18.255.205-172.18.255.254", poolRange, "50 addresses below the broadcast address of 172.18.0.0/16");
        List<Map<String, Object>> objects = RENDERED.get("metallb-pool");
        assertEquals(List.of("IPAddressPool", "L2Advertisement"), objects.stream().map(o -> o.get("kind")).toList());
        for (Map<String, Object> object : objects) {
            assertEquals("metallb.io/v1beta1", object.get("apiVersion"));
            assertEquals(List.of(), validate(object), object.toString());
        }
    }

    @Test
    void canaryAppsAreKnownKindsWithoutUnknownFields() throws Exception {
        List<String> kinds = new ArrayList<>();
        for (Map<String, Object> object : RENDERED.get("canary-apps")) {
            assertEquals(List.of(), ModelFields.unknownFields(object), object.toString());
            kinds.add(object.get("kind") + "/" + ((Map<?, ?>) object.get("metadata")).get("name"));
        }
        assertEquals(List.of("Namespace/ingress-bench", "Deployment/stable", "Service/stable", "Deployment/canary", "Service/canary",
                "ConfigMap/analyzer", "Deployment/analyzer", "Service/analyzer"), kinds);
        String analyzerConfig = (String) ((Map<?, ?>) RENDERED.get("canary-apps").get(5).get("data")).get("default.conf");
        assertEquals(true, analyzerConfig.contains("log_format request_id '$http_x_cnibench_request';"), analyzerConfig);
    }

    private static List<String> validate(Map<String, Object> object) throws IOException {
        return CrdSchemas.validate(CRDS.get((String) object.get("kind")), object);
    }

    private static Map<String, Object> map(Object yaml) {
        return CrdSchemas.map(yaml);
    }
}
