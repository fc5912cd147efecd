package cnibench.module.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Writes one object. Apply uses server-side apply; a server that rejects the apply patch type (415, 405,
 * or 400 naming the patch type) or cannot create through it (fabric8's mock server answers 404) is
 * remembered and gets create-or-merge-patch instead, which sets the same fields but takes no field ownership.
 */
final class ObjectWriter {
    private static final Set<KubernetesClient> WITHOUT_SERVER_SIDE_APPLY = Collections.newSetFromMap(
            Collections.synchronizedMap(new WeakHashMap<>()));

    private final KubernetesClient client;

    ObjectWriter(KubernetesClient client) {
        this.client = client;
    }

    GenericKubernetesResource apply(Resource<GenericKubernetesResource> target, Map<String, Object> desired,
                                    GenericKubernetesResource existing, String fieldManager, boolean forceConflicts) {
        if (!WITHOUT_SERVER_SIDE_APPLY.contains(client)) {
            try {
                var apply = target.fieldManager(fieldManager);
                return (forceConflicts ? apply.forceConflicts() : apply).serverSideApply();
            } catch (KubernetesClientException e) {
                if (existing == null && e.getCode() == 404) {
                    // a real server answers 404 only when the namespace is missing, and create then says so too;
                    // a test server that cannot create through apply creates here
                    GenericKubernetesResource created = create(target);
                    WITHOUT_SERVER_SIDE_APPLY.add(client);
                    return created;
                }
                if (!rejectsApplyPatch(e)) {
                    throw e;
                }
                WITHOUT_SERVER_SIDE_APPLY.add(client);
            }
        }
        return existing == null ? create(target) : patch(target, desired, true);
    }

    GenericKubernetesResource create(Resource<GenericKubernetesResource> target) {
        return target.create();
    }

    /**
     * A merge patch of the desired fields: strategic first, so lists such as containers merge by name, and a JSON
     * merge patch when the server refuses the strategic one (415: custom resources, test servers).
     */
    GenericKubernetesResource patch(Resource<GenericKubernetesResource> target, Map<String, Object> desired, boolean strategic) {
        String json = Manifests.toJson(desired);
        if (strategic) {
            try {
                return target.patch(PatchContext.of(PatchType.STRATEGIC_MERGE), json);
            } catch (KubernetesClientException e) {
                if (e.getCode() != 415) {
                    throw e;
                }
            }
        }
        return target.patch(PatchContext.of(PatchType.JSON_MERGE), json);
    }

    /** Replaces the whole object (force: true), keeping the live resourceVersion for optimistic locking. */
    GenericKubernetesResource replace(Resource<GenericKubernetesResource> target, GenericKubernetesResource existing) {
        target.item().getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
        return target.update();
    }

    private static boolean rejectsApplyPatch(KubernetesClientException e) {
        if (e.getCode() == 415 || e.getCode() == 405) {
            return true;
        }
        String message = String.valueOf(e.getMessage()).toLowerCase();
        return e.getCode() == 400 && (message.contains("apply-patch") || message.contains("patch type") || message.contains("unsupported"));
    }
}
