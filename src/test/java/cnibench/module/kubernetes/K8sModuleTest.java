package cnibench.module.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class K8sModuleTest {
    static KubernetesClient client;

    @TempDir
    Path dir;

    private final K8sModule module = new K8sModule();

    private ModuleResult run(TestModuleContext context, Map<String, Object> extra) throws Exception {
        Map<String, Object> args = MockApi.args(client);
        args.putAll(extra);
        return context.run(module, args);
    }

    private ModuleResult run(Map<String, Object> extra) throws Exception {
        return run(new TestModuleContext(dir), extra);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> results(ModuleResult result) {
        return (List<Map<String, Object>>) ((Map<String, Object>) result.field("result")).get("results");
    }

    @Test
    void appliesTheAntreaInstallManifestAndIsUnchangedTheSecondTime() throws Exception {
        Path antrea = ReferenceData.file("antrea-v2.7.0/antrea.yml");
        int documents = Manifests.fromYaml(Files.readString(antrea)).size();

        ModuleResult first = run(Map.of("src", antrea.toString(), "apply", true));

        assertFalse(first.isFailed(), first.msg());
        assertTrue(first.isChanged());
        assertEquals(documents, results(first).size());
        assertTrue(results(first).stream().allMatch(r -> "create".equals(r.get("method"))));
        Deployment controller = client.apps().deployments().inNamespace("kube-system").withName("antrea-controller").get();
        assertNotNull(controller);
        assertNotNull(client.apiextensions().v1().customResourceDefinitions().withName("egresses.crd.antrea.io").get());
        assertNotNull(client.configMaps().inNamespace("kube-system").withName("antrea-config").get());

        ModuleResult second = run(Map.of("src", antrea.toString(), "apply", true));

        assertFalse(second.isFailed(), second.msg());
        assertFalse(second.isChanged(), "second apply should change nothing");
        assertTrue(results(second).stream().noneMatch(r -> Boolean.TRUE.equals(r.get("changed"))));
    }

    @Test
    void appliesTheMetallbInstallManifestTwice() throws Exception {
        Path metallb = ReferenceData.file("metallb-v0.16.1/metallb-native.yaml");

        ModuleResult first = run(Map.of("src", metallb.toString()));
        ModuleResult second = run(Map.of("src", metallb.toString()));

        assertFalse(first.isFailed(), first.msg());
        assertTrue(first.isChanged());
        assertNotNull(client.apps().daemonSets().inNamespace("metallb-system").withName("speaker").get());
        assertFalse(second.isFailed(), second.msg());
        assertFalse(second.isChanged());
    }

    @Test
    void appliesACustomResourceRightAfterItsDefinition() throws Exception {
        String crd = Files.readString(ReferenceData.file("metallb-v0.16.1/ipaddresspools-crd.yaml"));
        String pool = """
                ---
                apiVersion: metallb.io/v1beta1
                kind: IPAddressPool
                metadata:
                  name: kind-pool
                  namespace: metallb-system
                spec:
                  addresses: ["172.18.255.200-172.18.255.250"]
                """;

        ModuleResult result = run(Map.of("definition", crd + "\n" + pool, "apply", true));

        assertFalse(result.isFailed(), result.msg());
        assertEquals(2, results(result).size());
        Map<String, Object> created = Manifests.toMap(client.genericKubernetesResources("metallb.io/v1beta1", "IPAddressPool")
                .inNamespace("metallb-system").withName("kind-pool").get());
        assertEquals(List.of("172.18.255.200-172.18.255.250"), Manifests.at(created, "spec", "addresses"));
    }

    @Test
    void aSingleDefinitionReportsTheObjectAndMethodAndADefaultNamespace() throws Exception {
        Map<String, Object> configMap = Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", "settings"), "data", Map.of("mode", "egress"));

        ModuleResult created = run(Map.of("definition", configMap, "namespace", "bench"));
        ModuleResult changed = run(Map.of("definition", Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", "settings"), "data", Map.of("mode", "ingress")), "namespace", "bench"));

        assertTrue(created.isChanged());
        assertEquals("create", created.field("method"));
        assertEquals("bench", Manifests.at(castMap(created.field("result")), "metadata", "namespace"));
        assertTrue(changed.isChanged());
        assertEquals("patch", changed.field("method"));
        assertEquals("ingress", client.configMaps().inNamespace("bench").withName("settings").get().getData().get("mode"));
    }

    @Test
    void checkModeReportsTheChangeWithoutWritingAndDiffShowsBeforeAndAfter() throws Exception {
        Map<String, Object> namespace = Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", "dry"));

        ModuleResult result = run(new TestModuleContext(dir).check(true).diff(true), Map.of("definition", namespace));

        assertTrue(result.isChanged());
        assertNull(client.namespaces().withName("dry").get());
        assertEquals(Map.of(), result.diff().get("before"));
        assertEquals("dry", Manifests.at(castMap(result.diff().get("after")), "metadata", "name"));
    }

    @Test
    void stateAbsentDeletesByDefinitionAndByKindAndName() throws Exception {
        run(Map.of("definition", """
                apiVersion: v1
                kind: Namespace
                metadata: {name: gone}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c1, namespace: gone}
                """));

        ModuleResult byName = run(Map.of("state", "absent", "kind", "ConfigMap", "name", "c1", "namespace", "gone"));
        ModuleResult again = run(Map.of("state", "absent", "kind", "ConfigMap", "name", "c1", "namespace", "gone"));
        ModuleResult namespace = run(Map.of("state", "absent", "definition",
                Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", "gone")), "wait", true, "wait_sleep", 1));

        assertTrue(byName.isChanged());
        assertEquals("delete", byName.field("method"));
        assertFalse(again.isChanged());
        assertFalse(namespace.isFailed(), namespace.msg());
        assertTrue(namespace.isChanged());
        assertNull(client.namespaces().withName("gone").get());
    }

    @Test
    void rendersATemplateOfSeveralDocuments() throws Exception {
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates/pods.yaml.j2"), """
                {% for n in range(count) %}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: cm-{{ n }}
                  namespace: {{ ns }}
                data: {index: "{{ n }}"}
                {% endfor %}
                """);
        TestModuleContext context = new TestModuleContext(dir).var("count", 3).var("ns", "tpl");

        ModuleResult result = run(context, Map.of("template", "pods.yaml.j2"));

        assertFalse(result.isFailed(), result.msg());
        assertEquals(3, results(result).size());
        assertEquals("2", client.configMaps().inNamespace("tpl").withName("cm-2").get().getData().get("index"));
    }

    @Test
    void waitsForTheConditionAfterApplyingAndReportsTheDuration() throws Exception {
        Map<String, Object> deployment = Manifests.fromYaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: iperf-server, namespace: waiting}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: iperf-server}}
                  template:
                    metadata: {labels: {app: iperf-server}}
                    spec: {containers: [{name: iperf3, image: "networkstatic/iperf3"}]}
                """).get(0);
        Thread available = new Thread(() -> {
            try {
                Deployment live = null;
                while (live == null) {
                    Thread.sleep(300);
                    live = client.apps().deployments().inNamespace("waiting").withName("iperf-server").get();
                }
                live.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder().addNewCondition()
                        .withType("Available").withStatus("True").endCondition().build());
                client.apps().deployments().resource(live).updateStatus();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        available.start();

        ModuleResult result = run(Map.of("definition", deployment, "wait", true, "wait_condition", Map.of("type", "Available"),
                "wait_sleep", 1, "wait_timeout", 20));
        available.join();

        assertFalse(result.isFailed(), result.msg());
        assertEquals("create", result.field("method"));
        assertTrue(result.field("duration") instanceof Long);
        assertEquals("True", ((Map<?, ?>) ((List<?>) Manifests.at(castMap(result.field("result")), "status", "conditions")).get(0)).get("status"));
    }

    @Test
    void anUnknownKindFailsWithKubernetesCoreWording() throws Exception {
        ModuleResult result = run(Map.of("definition", Map.of("apiVersion", "example.com/v1", "kind", "Widget",
                "metadata", Map.of("name", "w", "namespace", "default"))));

        assertTrue(result.isFailed());
        assertEquals("Failed to find exact match for example.com/v1.Widget by [kind, name, singularName, shortNames]", result.msg());
    }

    @Test
    void aMissingSrcOrBrokenYamlIsOneClearLine() throws Exception {
        ModuleResult missing = run(Map.of("src", "nowhere.yaml"));
        ModuleResult broken = run(Map.of("definition", "kind: [unclosed"));

        assertTrue(missing.isFailed());
        assertEquals("Error accessing " + dir.resolve("nowhere.yaml") + ". Does the file exist?", missing.msg());
        assertTrue(broken.isFailed());
        assertTrue(broken.msg().startsWith("Failed to parse definition as YAML: "), broken.msg());
        assertFalse(broken.msg().contains("\n"));
    }

    @Test
    void anUnreachableServerIsOneClearLine() throws Exception {
        ModuleResult result = new TestModuleContext(dir).run(module, Map.of("host", "https://127.0.0.1:1", "api_key", "x",
                "validate_certs", false, "kind", "ConfigMap", "name", "c", "namespace", "default"));

        assertTrue(result.isFailed());
        assertTrue(result.msg().startsWith("Failed to get ConfigMap default/c: cannot reach the Kubernetes API server"), result.msg());
        assertFalse(result.msg().contains("\n"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
