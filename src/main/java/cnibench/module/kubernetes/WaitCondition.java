package cnibench.module.kubernetes;

import java.util.List;
import java.util.Map;

/**
 * What "ready" means for a wait: a status condition (type, status, optional reason) when the task names one,
 * otherwise the kind's own readiness as kubernetes.core judges it (Deployment, DaemonSet, StatefulSet, Pod),
 * and for any other kind simply that the object exists.
 */
record WaitCondition(String type, String status, String reason) {

    static WaitCondition fromArgs(Map<String, Object> spec) {
        if (spec == null || spec.isEmpty()) {
            return null;
        }
        Object type = spec.get("type");
        if (type == null) {
            throw new IllegalArgumentException("wait_condition needs a type");
        }
        Object status = spec.get("status");
        String statusText = status == null ? "True" : status instanceof Boolean b ? (b ? "True" : "False") : String.valueOf(status);
        Object reason = spec.get("reason");
        return new WaitCondition(String.valueOf(type), statusText, reason == null ? null : String.valueOf(reason));
    }

    /** "condition Available=True" or "condition Ready=False (reason X)". */
    String describe() {
        return "condition " + type + "=" + status + (reason == null ? "" : " (reason " + reason + ")");
    }

    boolean holds(Map<String, Object> object) {
        if (!(Manifests.at(object, "status", "conditions") instanceof List<?> conditions)) {
            return false;
        }
        for (Object item : conditions) {
            if (item instanceof Map<?, ?> c && type.equals(c.get("type")) && status.equals(String.valueOf(c.get("status")))
                    && (reason == null || reason.equals(c.get("reason")))) {
                return true;
            }
        }
        return false;
    }

    /** The built-in readiness of an object of its kind. */
    static boolean ready(Map<String, Object> object) {
        Object kind = object.get("kind");
        if (!(object.get("status") instanceof Map<?, ?>) && List.of("Deployment", "DaemonSet", "StatefulSet", "Pod").contains(kind)) {
            return false;
        }
        return switch (String.valueOf(kind)) {
            case "Deployment" -> generationObserved(object)
                    && num(object, "status", "replicas") == num(object, 1, "spec", "replicas")
                    && num(object, "status", "availableReplicas") == num(object, "status", "replicas")
                    && num(object, "status", "unavailableReplicas") == 0;
            case "DaemonSet" -> generationObserved(object)
                    && Manifests.at(object, "status", "desiredNumberScheduled") != null
                    && num(object, "status", "numberReady") == num(object, "status", "desiredNumberScheduled")
                    && num(object, "status", "updatedNumberScheduled") == num(object, "status", "desiredNumberScheduled")
                    && num(object, "status", "numberUnavailable") == 0;
            case "StatefulSet" -> generationObserved(object)
                    && num(object, "status", "readyReplicas") == num(object, 1, "spec", "replicas")
                    && num(object, "status", "updatedReplicas") == num(object, 1, "spec", "replicas");
            case "Pod" -> podReady(object);
            default -> true;
        };
    }

    private static boolean podReady(Map<String, Object> pod) {
        if (!(Manifests.at(pod, "status", "containerStatuses") instanceof List<?> statuses) || statuses.isEmpty()) {
            return false;
        }
        return statuses.stream().allMatch(s -> s instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("ready")));
    }

    private static boolean generationObserved(Map<String, Object> object) {
        Object generation = Manifests.at(object, "metadata", "generation");
        Object observed = Manifests.at(object, "status", "observedGeneration");
        return generation == null || observed == null || ((Number) observed).longValue() >= ((Number) generation).longValue();
    }

    private static long num(Map<String, Object> object, String... path) {
        return num(object, 0, path);
    }

    private static long num(Map<String, Object> object, long fallback, String... path) {
        Object value = Manifests.at(object, path);
        return value instanceof Number n ? n.longValue() : fallback;
    }
}
