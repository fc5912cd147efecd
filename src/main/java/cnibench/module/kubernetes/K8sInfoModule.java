package cnibench.module.kubernetes;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.FilterWatchListDeletable;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** kubernetes.core.k8s_info: reads objects by name or selectors, optionally waiting for a condition. */
public final class K8sInfoModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = KubernetesArgs.waiting(KubernetesArgs.connection(ModuleSpec.builder("k8s_info")
            .alias("kubernetes.core.k8s_info", "community.kubernetes.k8s_info")
            .description("Read Kubernetes objects, optionally waiting until they exist and meet a condition")
            .arg(ArgSpec.of("kind", ArgType.STR, "Kind of the objects").asRequired())
            .arg(ArgSpec.of("api_version", ArgType.STR, "apiVersion of the kind").aliases("api", "version").defaultValue("v1"))
            .arg(ArgSpec.of("name", ArgType.STR, "Name of one object"))
            .arg(ArgSpec.of("namespace", ArgType.STR, "Namespace to look in; all namespaces when omitted"))
            .arg(ArgSpec.of("label_selectors", ArgType.LIST, "Label selectors such as app=antrea").elements(ArgType.STR))
            .arg(ArgSpec.of("field_selectors", ArgType.LIST, "Field selectors such as status.phase=Running").elements(ArgType.STR))
            .checkMode()
            .examples("""
                    - kubernetes.core.k8s_info:
                        kind: Deployment
                        name: antrea-controller
                        namespace: kube-system
                        wait: true
                        wait_condition: {type: Available}
                    """))).build();

    public K8sInfoModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext context, Arguments args) throws Exception {
        ObjectRef ref = new ObjectRef(args.str("api_version"), args.str("kind"), args.str("namespace"), args.str("name"));
        try {
            KubernetesClient client = KubernetesClients.shared().client(args);
            ResourceDefinitionContext type = K8sCalls.call("find the resource type of", ref,
                    () -> ResourceTypes.find(client, ref.apiVersion(), ref.kind()));
            if (type == null) {
                return ModuleResult.ok().put("api_found", false).put("resources", List.of());
            }
            Query query = new Query(client, type, ref, args.strings("label_selectors"), args.strings("field_selectors"));
            List<Map<String, Object>> resources = args.bool("wait") ? await(query, args) : query.fetch();
            return ModuleResult.ok().put("api_found", true)
                    .put("resources", resources.stream().map(Manifests::withoutManagedFields).toList());
        } catch (K8sTaskError | IllegalArgumentException e) {
            return ModuleResult.failed(e.getMessage());
        }
    }

    private static List<Map<String, Object>> await(Query query, Arguments args) throws InterruptedException {
        WaitCondition condition = WaitCondition.fromArgs(args.map("wait_condition"));
        Duration timeout = Duration.ofSeconds(args.integer("wait_timeout"));
        AtomicReference<List<Map<String, Object>>> last = new AtomicReference<>(List.of());
        boolean met = Waiter.until(() -> {
            List<Map<String, Object>> found = query.fetch();
            last.set(found);
            return !found.isEmpty() && found.stream().allMatch(o -> condition == null ? WaitCondition.ready(o) : condition.holds(o));
        }, timeout, Duration.ofSeconds(args.integer("wait_sleep")));
        if (!met) {
            throw new K8sTaskError(Waiter.timedOut(timeout, query.describe() + " "
                    + (condition == null ? "to be ready" : condition.describe())));
        }
        return last.get();
    }

    /** One read: an object by name, or a filtered list. */
    private record Query(KubernetesClient client, ResourceDefinitionContext type, ObjectRef ref,
                         List<String> labels, List<String> fields) {

        List<Map<String, Object>> fetch() {
            if (ref.name() != null) {
                Resource<GenericKubernetesResource> one = ResourceTypes.object(client, type, namespace(), ref.name());
                Map<String, Object> object = K8sCalls.call("get", ref, () -> Manifests.toMap(one.get()));
                return object == null ? List.of() : List.of(object);
            }
            FilterWatchListDeletable<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> list =
                    ResourceTypes.objects(client, type, ref.namespace());
            for (String selector : labels) {
                list = list.withLabelSelector(selector);
            }
            for (String selector : fields) {
                list = selector.contains("!=") ? list.withoutField(key(selector), value(selector))
                        : list.withField(key(selector), value(selector));
            }
            var filtered = list;
            GenericKubernetesResourceList items = K8sCalls.call("list", ref, filtered::list);
            return items.getItems().stream().map(Manifests::toMap).toList();
        }

        private String namespace() {
            return ref.namespace() != null ? ref.namespace() : client.getNamespace() != null ? client.getNamespace() : "default";
        }

        String describe() {
            if (ref.name() != null) {
                return new ObjectRef(ref.apiVersion(), ref.kind(), type.isNamespaceScoped() ? namespace() : null, ref.name()).toString();
            }
            String where = ref.namespace() == null ? "" : " in " + ref.namespace();
            String selected = labels.isEmpty() && fields.isEmpty() ? "" : " matching " + String.join(",", labels)
                    + (fields.isEmpty() ? "" : (labels.isEmpty() ? "" : ",") + String.join(",", fields));
            return ref.kind() + " objects" + where + selected;
        }

        private static String key(String selector) {
            int equals = selector.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("field selector " + selector + " is not key=value or key!=value");
            }
            return selector.substring(0, equals).replace("!", "").strip();
        }

        private static String value(String selector) {
            return selector.substring(selector.lastIndexOf('=') + 1).strip();
        }
    }
}
