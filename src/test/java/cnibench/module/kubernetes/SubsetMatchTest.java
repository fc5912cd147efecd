package cnibench.module.kubernetes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubsetMatchTest {
    private static Map<String, Object> yaml(String text) {
        return Manifests.fromYaml(text).get(0);
    }

    private static final Map<String, Object> DESIRED = yaml("""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: demo, labels: {app: web}}
            spec:
              replicas: 2
              template:
                spec:
                  containers:
                    - name: web
                      image: nginx:1.27
                      ports: [{containerPort: 80}]
                      resources: {}
            """);

    @Test
    void ignoresServerDefaultsStatusAndBookkeeping() {
        Map<String, Object> live = yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: demo, labels: {app: web}, uid: abc, resourceVersion: "7", generation: 3,
                           creationTimestamp: "2026-01-01T00:00:00Z", managedFields: [{manager: cnibench}]}
                spec:
                  replicas: 2
                  progressDeadlineSeconds: 600
                  template:
                    spec:
                      restartPolicy: Always
                      containers:
                        - name: web
                          image: nginx:1.27
                          imagePullPolicy: IfNotPresent
                          ports: [{containerPort: 80, protocol: TCP}]
                status: {replicas: 2}
                """);

        assertTrue(SubsetMatch.satisfies(live, DESIRED, true));
    }

    @Test
    void seesAChangedValueOrAMissingListItem() {
        Map<String, Object> otherImage = Manifests.deepCopy(DESIRED);
        ((Map<String, Object>) otherImage.get("spec")).put("replicas", 3);
        Map<String, Object> oneContainerMore = Manifests.deepCopy(DESIRED);
        containers(oneContainerMore).add(Map.of("name", "sidecar", "image", "busybox"));

        assertFalse(SubsetMatch.satisfies(DESIRED, otherImage, true));
        assertFalse(SubsetMatch.satisfies(DESIRED, oneContainerMore, true));
        assertFalse(SubsetMatch.satisfies(null, DESIRED, true));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> containers(Map<String, Object> deployment) {
        Map<String, Object> spec = (Map<String, Object>) deployment.get("spec");
        Map<String, Object> podSpec = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
        return (List<Object>) podSpec.get("containers");
    }

    @Test
    void comparesNumbersByValueAndSecretsStringDataAsData() {
        Map<String, Object> secret = yaml("""
                apiVersion: v1
                kind: Secret
                metadata: {name: s, namespace: demo}
                stringData: {token: abc}
                """);
        Map<String, Object> liveSecret = yaml("""
                apiVersion: v1
                kind: Secret
                metadata: {name: s, namespace: demo}
                data: {token: YWJj}
                type: Opaque
                """);

        assertTrue(SubsetMatch.contains(2L, 2));
        assertTrue(SubsetMatch.contains(1.0, 1));
        assertTrue(SubsetMatch.satisfies(liveSecret, secret, true));
    }

    @Test
    void dropsTheNamespaceOfClusterScopedObjects() {
        Map<String, Object> desired = yaml("{apiVersion: v1, kind: Namespace, metadata: {name: bench, namespace: default}}");
        Map<String, Object> live = yaml("{apiVersion: v1, kind: Namespace, metadata: {name: bench}}");

        assertTrue(SubsetMatch.satisfies(live, desired, false));
        assertFalse(SubsetMatch.satisfies(live, desired, true));
    }
}
