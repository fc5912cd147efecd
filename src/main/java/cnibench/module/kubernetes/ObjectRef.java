package cnibench.module.kubernetes;

import java.util.Map;

/** Which Kubernetes object a message is about: "Deployment antrea/antrea-controller". */
public record ObjectRef(String apiVersion, String kind, String namespace, String name) {

    @SuppressWarnings("unchecked")
    public static ObjectRef of(Map<String, Object> object) {
        Map<String, Object> metadata = (Map<String, Object>) object.getOrDefault("metadata", Map.of());
        return new ObjectRef((String) object.get("apiVersion"), (String) object.get("kind"),
                (String) metadata.get("namespace"), (String) metadata.get("name"));
    }

    @Override
    public String toString() {
        String id = name == null ? "" : namespace == null ? " " + name : " " + namespace + "/" + name;
        return kind + id;
    }
}
