package cnibench.module.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Brings the objects of one k8s task to their wanted state, in document order: reads each live object,
 * writes only when it differs from the manifest, and waits when asked. Custom resources whose CRD came
 * earlier in the same task are held back until the API server serves their kind.
 */
final class ObjectReconciler {
    /** How the task wants objects written and waited for. */
    record Options(boolean present, boolean apply, String fieldManager, boolean forceConflicts, boolean force,
                   String defaultNamespace, boolean waitFor, WaitCondition condition, Duration waitSleep,
                   Duration waitTimeout, boolean checkMode) {
    }

    /** What happened to one object: kubernetes.core's per-object result. */
    record Outcome(boolean changed, String method, Map<String, Object> result, Map<String, Object> before, Long duration) {
        Map<String, Object> toMap() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("changed", changed);
            out.put("method", method);
            out.put("result", result == null ? Map.of() : result);
            if (duration != null) {
                out.put("duration", duration);
            }
            return out;
        }
    }

    private final KubernetesClient client;
    private final ObjectWriter writer;
    private final Options options;
    /** group/kind of the CRDs this task declares: their objects wait until the API server serves the kind. */
    private final Set<String> declaredKinds = new HashSet<>();

    ObjectReconciler(KubernetesClient client, Options options, List<Map<String, Object>> objects) {
        this.client = client;
        this.writer = new ObjectWriter(client);
        this.options = options;
        for (Map<String, Object> object : objects) {
            if ("CustomResourceDefinition".equals(object.get("kind"))) {
                declaredKinds.add(Manifests.at(object, "spec", "group") + "/" + Manifests.at(object, "spec", "names", "kind"));
            }
        }
    }

    Outcome reconcile(Map<String, Object> object) throws InterruptedException {
        ObjectRef ref = ObjectRef.of(object);
        if (ref.apiVersion() == null || ref.kind() == null || ref.name() == null) {
            throw new K8sTaskError("Each object needs apiVersion, kind and metadata.name; got " + ref.apiVersion() + " "
                    + ref.kind() + " named " + ref.name());
        }
        ResourceDefinitionContext type = resolve(ref);
        if (type == null) {
            if (options.checkMode() && declaredKinds.contains(groupKind(ref))) {
                return new Outcome(options.present(), options.present() ? "create" : "delete", object, null, null);
            }
            throw new K8sTaskError(ResourceTypes.notFoundMessage(ref.apiVersion(), ref.kind()));
        }
        Map<String, Object> desired = Manifests.deepCopy(object);
        Map<String, Object> metadata = Manifests.metadata(desired);
        if (type.isNamespaceScoped()) {
            metadata.putIfAbsent("namespace", options.defaultNamespace() != null ? options.defaultNamespace()
                    : client.getNamespace() != null ? client.getNamespace() : "default");
        } else {
            metadata.remove("namespace");
        }
        ref = ObjectRef.of(desired);
        Resource<GenericKubernetesResource> byName = ResourceTypes.object(client, type, ref.namespace(), ref.name());
        Map<String, Object> live = K8sCalls.call("get", ref, () -> Manifests.toMap(byName.get()));
        return options.present() ? present(ref, type, desired, live) : absent(ref, byName, live);
    }

    private Outcome present(ObjectRef ref, ResourceDefinitionContext type, Map<String, Object> desired,
                            Map<String, Object> live) throws InterruptedException {
        String method = live == null ? "create" : options.apply() ? "apply" : options.force() ? "update" : "patch";
        boolean changed = !SubsetMatch.satisfies(live, desired, type.isNamespaceScoped());
        Map<String, Object> result = live;
        if (changed && options.checkMode()) {
            result = live == null ? desired : DeepMerge.merge(live, desired);
        } else if (changed) {
            result = write(ref, type, desired, live, method);
        }
        Long duration = null;
        if (options.waitFor() && !options.checkMode()) {
            long start = System.nanoTime();
            result = awaitReady(ref, type);
            duration = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        }
        return new Outcome(changed, method, Manifests.withoutManagedFields(result), Manifests.withoutManagedFields(live), duration);
    }

    private Map<String, Object> write(ObjectRef ref, ResourceDefinitionContext type, Map<String, Object> desired,
                                      Map<String, Object> live, String method) {
        GenericKubernetesResource item = Manifests.toResource(desired);
        Resource<GenericKubernetesResource> target = ResourceTypes.item(client, type, item);
        GenericKubernetesResource existing = live == null ? null : Manifests.toResource(live);
        return K8sCalls.call(method, ref, () -> Manifests.toMap(switch (method) {
            case "apply" -> writer.apply(target, desired, existing, options.fieldManager(), options.forceConflicts());
            case "create" -> options.apply() ? writer.apply(target, desired, null, options.fieldManager(), options.forceConflicts())
                    : writer.create(target);
            case "update" -> writer.replace(target, existing);
            default -> writer.patch(target, desired, isBuiltIn(ref));
        }));
    }

    private Outcome absent(ObjectRef ref, Resource<GenericKubernetesResource> byName, Map<String, Object> live)
            throws InterruptedException {
        if (live == null) {
            return new Outcome(false, "delete", null, null, null);
        }
        Long duration = null;
        if (!options.checkMode()) {
            K8sCalls.call("delete", ref, () -> byName.delete());
            if (options.waitFor()) {
                long start = System.nanoTime();
                boolean gone = Waiter.until(() -> K8sCalls.call("get", ref, byName::get) == null, options.waitTimeout(), options.waitSleep());
                if (!gone) {
                    throw new K8sTaskError(Waiter.timedOut(options.waitTimeout(), ref + " to be deleted"));
                }
                duration = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            }
        }
        return new Outcome(true, "delete", Manifests.withoutManagedFields(live), Manifests.withoutManagedFields(live), duration);
    }

    private Map<String, Object> awaitReady(ObjectRef ref, ResourceDefinitionContext type) throws InterruptedException {
        Resource<GenericKubernetesResource> byName = ResourceTypes.object(client, type, ref.namespace(), ref.name());
        AtomicReference<Map<String, Object>> last = new AtomicReference<>();
        WaitCondition condition = options.condition();
        boolean ready = Waiter.until(() -> {
            Map<String, Object> live = K8sCalls.call("get", ref, () -> Manifests.toMap(byName.get()));
            last.set(live);
            return live != null && (condition == null ? WaitCondition.ready(live) : condition.holds(live));
        }, options.waitTimeout(), options.waitSleep());
        if (!ready) {
            throw new K8sTaskError(Waiter.timedOut(options.waitTimeout(), ref + " "
                    + (condition == null ? "to be ready" : condition.describe())));
        }
        return last.get();
    }

    private ResourceDefinitionContext resolve(ObjectRef ref) throws InterruptedException {
        ResourceDefinitionContext type = K8sCalls.call("find the resource type of", ref,
                () -> ResourceTypes.find(client, ref.apiVersion(), ref.kind()));
        if (type == null && declaredKinds.contains(groupKind(ref)) && !options.checkMode()) {
            AtomicReference<ResourceDefinitionContext> found = new AtomicReference<>();
            boolean served = Waiter.until(() -> {
                found.set(K8sCalls.call("find the resource type of", ref, () -> ResourceTypes.find(client, ref.apiVersion(), ref.kind())));
                return found.get() != null;
            }, options.waitTimeout(), Duration.ofMillis(500));
            if (!served) {
                throw new K8sTaskError(Waiter.timedOut(options.waitTimeout(), "the CustomResourceDefinition of "
                        + ref.apiVersion() + " " + ref.kind() + " to be served"));
            }
            type = found.get();
        }
        return type;
    }

    private boolean isBuiltIn(ObjectRef ref) {
        return client.getKubernetesSerialization().getRegisteredKubernetesResource(ref.apiVersion(), ref.kind()) != null;
    }

    private static String groupKind(ObjectRef ref) {
        int slash = ref.apiVersion().indexOf('/');
        return (slash < 0 ? "" : ref.apiVersion().substring(0, slash)) + "/" + ref.kind();
    }
}
