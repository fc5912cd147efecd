package cnibench.module.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestsTest {
    @Test
    void readsMultiDocumentYamlInOrderSkippingEmptyDocumentsAndFlatteningLists() {
        List<Map<String, Object>> objects = Manifests.fromYaml("""
                ---
                # a comment-only document
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: a}
                ---
                apiVersion: v1
                kind: List
                items:
                  - {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}
                  - {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}
                """);

        assertEquals(List.of("a", "b", "c"), objects.stream().map(o -> Manifests.at(o, "metadata", "name")).toList());
    }

    @Test
    void acceptsADictAListOrAString() {
        Map<String, Object> one = Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", "x"));

        assertEquals(1, Manifests.fromDefinition(one).size());
        assertEquals(2, Manifests.fromDefinition(List.of(one, one)).size());
        assertEquals(1, Manifests.fromDefinition("{apiVersion: v1, kind: Namespace, metadata: {name: x}}").size());
        assertThrows(IllegalArgumentException.class, () -> Manifests.fromDefinition(42));
    }

    @Test
    void keepsYamlStringsThatLookLikeBooleansAsStrings() {
        Map<String, Object> object = Manifests.fromYaml("metadata: {labels: {egress: on, gateway: \"true\"}}").get(0);

        assertEquals("on", Manifests.at(object, "metadata", "labels", "egress"));
    }
}
