package cnibench.module.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true)
class K8sInfoModuleTest {
    static KubernetesClient client;

    @TempDir
    Path dir;

    private ModuleResult run(Map<String, Object> extra) throws Exception {
        Map<String, Object> args = MockApi.args(client);
        args.putAll(extra);
        return new TestModuleContext(dir).run(new K8sInfoModule(), args);
    }

    private static Deployment controller(String namespace) {
        return new DeploymentBuilder().withNewMetadata().withName("antrea-controller").withNamespace(namespace).endMetadata()
                .withNewSpec().withReplicas(1).endSpec().build();
    }

    @Test
    void waitsUntilTheDeploymentBecomesAvailable() throws Exception {
        client.apps().deployments().resource(controller("antrea")).create();
        Thread flip = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            Deployment live = client.apps().deployments().inNamespace("antrea").withName("antrea-controller").get();
            live.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder()
                    .withConditions(new DeploymentConditionBuilder().withType("Available").withStatus("True").build()).build());
            client.apps().deployments().resource(live).updateStatus();
        });
        flip.start();

        ModuleResult result = run(Map.of("kind", "Deployment", "api_version", "apps/v1", "namespace", "antrea",
                "name", "antrea-controller", "wait", true, "wait_condition", Map.of("type", "Available"),
                "wait_sleep", 1, "wait_timeout", 10));
        flip.join();

        assertFalse(result.isFailed(), result.msg());
        assertEquals(true, result.field("api_found"));
        List<?> resources = (List<?>) result.field("resources");
        assertEquals(1, resources.size());
        assertEquals("Available", Manifests.at(cast(resources.get(0)), "status", "conditions") instanceof List<?> l
                ? ((Map<?, ?>) l.get(0)).get("type") : null);
    }

    @Test
    void aWaitThatTimesOutNamesTheObjectAndTheCondition() throws Exception {
        client.apps().deployments().resource(controller("slow")).create();

        long start = System.nanoTime();
        ModuleResult result = run(Map.of("kind", "Deployment", "api_version", "apps/v1", "namespace", "slow",
                "name", "antrea-controller", "wait", true, "wait_condition", Map.of("type", "Available", "status", "True"),
                "wait_sleep", 1, "wait_timeout", 2));

        assertTrue(result.isFailed());
        assertEquals("Timed out after 2s waiting for Deployment slow/antrea-controller condition Available=True", result.msg());
        assertTrue(System.nanoTime() - start < 8_000_000_000L);
    }

    @Test
    void listsBySelectorsAndReportsMissingKinds() throws Exception {
        client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("a").withNamespace("sel")
                .addToLabels("app", "iperf").endMetadata().build()).create();
        client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("b").withNamespace("sel")
                .addToLabels("app", "k6").endMetadata().build()).create();

        ModuleResult selected = run(Map.of("kind", "ConfigMap", "namespace", "sel", "label_selectors", List.of("app=iperf")));
        ModuleResult missingObject = run(Map.of("kind", "ConfigMap", "namespace", "sel", "name", "nope"));
        ModuleResult missingKind = run(Map.of("kind", "Egress", "api_version", "crd.antrea.io/v1beta1", "namespace", "sel"));

        List<?> resources = (List<?>) selected.field("resources");
        assertEquals(1, resources.size());
        assertEquals("a", Manifests.at(cast(resources.get(0)), "metadata", "name"));
        assertEquals(List.of(), missingObject.field("resources"));
        assertEquals(true, missingObject.field("api_found"));
        assertFalse(missingKind.isFailed());
        assertEquals(false, missingKind.field("api_found"));
        assertEquals(List.of(), missingKind.field("resources"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
