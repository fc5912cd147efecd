package cnibench.module.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class KubernetesErrorsTest {
    static KubernetesClient client;

    @Test
    void aConflictNamesTheObjectAndTheReason() {
        ConfigMap map = new ConfigMapBuilder().withNewMetadata().withName("antrea-config").withNamespace("kube-system").endMetadata().build();
        client.configMaps().resource(map).create();

        KubernetesClientException e = assertThrows(KubernetesClientException.class, () -> client.configMaps().resource(map).create());

        assertEquals(409, e.getCode());
        assertEquals("Failed to create ConfigMap kube-system/antrea-config: " + KubernetesErrors.reason(e),
                KubernetesErrors.describe("create", new ObjectRef("v1", "ConfigMap", "kube-system", "antrea-config"), e));
        assertEquals("409 Invalid: ConfigMap 'antrea-config' already exists", KubernetesErrors.reason(e)); // the mock's wording
    }

    @Test
    void aMissingNamespacedKindIsA404() {
        ResourceDefinitionContext widgets = new ResourceDefinitionContext.Builder().withGroup("example.com").withVersion("v1")
                .withKind("Widget").withPlural("widgets").withNamespaced(true).build();

        KubernetesClientException e = assertThrows(KubernetesClientException.class,
                () -> client.genericKubernetesResources(widgets).inNamespace("bench").withName("w").patch("{\"spec\":{}}"));

        assertEquals(404, e.getCode());
        String message = KubernetesErrors.describe("patch", new ObjectRef("example.com/v1", "Widget", "bench", "w"), e);
        assertEquals("Failed to patch Widget bench/w: 404: Not Found", message);
    }

    @Test
    void anInvalidObjectListsTheCauses() {
        KubernetesClientException e = new KubernetesClientException("Failure executing", 422, new StatusBuilder().withCode(422)
                .withReason("Invalid").withMessage("Deployment.apps \"x\" is invalid")
                .withNewDetails().addNewCause().withField("spec.replicas").withMessage("Invalid value: -1: must be greater than or equal to 0")
                .endCause().endDetails().build());

        assertEquals("422 Invalid: Deployment.apps \"x\" is invalid (spec.replicas: Invalid value: -1: must be greater than or equal to 0)",
                KubernetesErrors.reason(e));
    }
}
