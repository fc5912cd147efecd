package cnibench.module.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Kubernetes objects as plain maps: read from definitions and YAML, converted to and from fabric8's generic resource. */
public final class Manifests {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Manifests() {
    }

    /** The objects of a definition argument: a dict, a list of dicts, or a (multi-document) YAML string. */
    public static List<Map<String, Object>> fromDefinition(Object definition) {
        if (definition instanceof String text) {
            return fromYaml(text);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        if (definition instanceof Map<?, ?> map) {
            addObject(out, map);
        } else if (definition instanceof List<?> list) {
            for (Object item : list) {
                out.addAll(fromDefinition(item));
            }
        } else if (definition != null) {
            throw new IllegalArgumentException("definition must be a dict, a list of dicts or a YAML string, got " + definition);
        }
        return out;
    }

    /** The objects of a multi-document YAML text in document order; empty documents are skipped. */
    public static List<Map<String, Object>> fromYaml(String text) {
        Load load = new Load(LoadSettings.builder().setLabel("manifest").build());
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object document : load.loadAllFromString(text)) {
            if (document instanceof Map<?, ?> map) {
                addObject(out, map);
            } else if (document instanceof List<?> list) {
                out.addAll(fromDefinition(list));
            } else if (document != null) {
                throw new IllegalArgumentException("a manifest document must be a mapping, got: " + document);
            }
        }
        return out;
    }

    /** Adds one object, or the items of a v1 List (kind ending in List with items). */
    @SuppressWarnings("unchecked")
    private static void addObject(List<Map<String, Object>> out, Map<?, ?> map) {
        Object kind = map.get("kind");
        if (kind instanceof String k && k.endsWith("List") && map.get("items") instanceof List<?> items) {
            out.addAll(fromDefinition(items));
            return;
        }
        out.add(deepCopy((Map<String, Object>) map));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), copyValue(v)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> m) {
            return deepCopy((Map<String, Object>) m);
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(copyValue(v)));
            return copy;
        }
        return value;
    }

    public static GenericKubernetesResource toResource(Map<String, Object> object) {
        return SERIALIZATION.convertValue(object, GenericKubernetesResource.class);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(Object resource) {
        return resource == null ? null : SERIALIZATION.convertValue(resource, LinkedHashMap.class);
    }

    /** The object as JSON, for patches. */
    public static String toJson(Object object) {
        return SERIALIZATION.asJson(object);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Map<String, Object> object) {
        return (Map<String, Object>) object.computeIfAbsent("metadata", k -> new LinkedHashMap<String, Object>());
    }

    /** The value at a dotted path of nested maps, or null. */
    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> object, String... path) {
        Object current = object;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = ((Map<String, Object>) m).get(key);
        }
        return current;
    }

    /** The object without what the server adds for its own bookkeeping (managedFields), for results and diffs. */
    static Map<String, Object> withoutManagedFields(Map<String, Object> object) {
        if (object == null) {
            return null;
        }
        Map<String, Object> copy = deepCopy(object);
        if (copy.get("metadata") instanceof Map<?, ?> metadata) {
            metadata.remove("managedFields");
        }
        return copy;
    }
}
