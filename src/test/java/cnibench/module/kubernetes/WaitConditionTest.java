package cnibench.module.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WaitConditionTest {
    private static Map<String, Object> yaml(String text) {
        return Manifests.fromYaml(text).get(0);
    }

    @Test
    void matchesTypeStatusAndReason() {
        Map<String, Object> deployment = yaml("""
                kind: Deployment
                status:
                  conditions:
                    - {type: Progressing, status: "True", reason: NewReplicaSetAvailable}
                    - {type: Available, status: "True", reason: MinimumReplicasAvailable}
                """);

        assertTrue(WaitCondition.fromArgs(Map.of("type", "Available")).holds(deployment));
        assertTrue(WaitCondition.fromArgs(Map.of("type", "Progressing", "status", true, "reason", "NewReplicaSetAvailable")).holds(deployment));
        assertFalse(WaitCondition.fromArgs(Map.of("type", "Available", "status", "False")).holds(deployment));
        assertFalse(WaitCondition.fromArgs(Map.of("type", "Available", "reason", "Other")).holds(deployment));
        assertEquals("condition Available=True", WaitCondition.fromArgs(Map.of("type", "Available")).describe());
    }

    @Test
    void judgesBuiltInReadiness() {
        assertTrue(WaitCondition.ready(yaml("""
                kind: DaemonSet
                metadata: {generation: 2}
                status: {observedGeneration: 2, desiredNumberScheduled: 3, numberReady: 3, updatedNumberScheduled: 3}
                """)));
        assertFalse(WaitCondition.ready(yaml("""
                kind: DaemonSet
                status: {desiredNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberUnavailable: 1}
                """)));
        assertTrue(WaitCondition.ready(yaml("""
                kind: Deployment
                spec: {replicas: 2}
                status: {replicas: 2, availableReplicas: 2, updatedReplicas: 2}
                """)));
        assertFalse(WaitCondition.ready(yaml("{kind: Deployment, spec: {replicas: 1}}")));
        assertTrue(WaitCondition.ready(yaml("{kind: Pod, status: {containerStatuses: [{ready: true}]}}")));
        assertTrue(WaitCondition.ready(yaml("{kind: ConfigMap}")));
    }
}
