package cnibench.module.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a rendered built-in Kubernetes object against fabric8's model: its apiVersion and kind must be a known
 * type, and every field one the model knows (fabric8 keeps unknown ones in additionalProperties: misspelled or
 * misplaced keys).
 */
public final class ModelFields {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private ModelFields() {
    }

    /** The paths of the fields fabric8's model does not know; fails when the kind itself is unknown. */
    public static List<String> unknownFields(Map<String, Object> object) throws Exception {
        String apiVersion = (String) object.get("apiVersion");
        String kind = (String) object.get("kind");
        Class<? extends KubernetesResource> type = SERIALIZATION.getRegisteredKubernetesResource(apiVersion, kind);
        if (type == null || type == GenericKubernetesResource.class) {
            throw new AssertionError("not a built-in kind: " + apiVersion + " " + kind);
        }
        KubernetesResource typed = SERIALIZATION.unmarshal(SERIALIZATION.asJson(object), type);
        List<String> unknown = new ArrayList<>();
        unknownFields(typed, kind, unknown);
        return unknown;
    }

    private static void unknownFields(Object value, String path, List<String> unknown) throws Exception {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                unknownFields(list.get(i), path + "[" + i + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                unknownFields(e.getValue(), path + "." + e.getKey(), unknown);
            }
            return;
        }
        if (value == null || !value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || getter.getDeclaringClass() == Object.class
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
                continue;
            }
            Object field = getter.invoke(value);
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) field).keySet().forEach(k -> unknown.add(path + "." + k));
            } else {
                unknownFields(field, path + "." + getter.getName(), unknown);
            }
        }
    }
}
