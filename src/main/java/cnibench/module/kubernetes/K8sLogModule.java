package cnibench.module.kubernetes;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.BytesLimitTerminateTimeTailPrettyLoggable;
import io.fabric8.kubernetes.client.dsl.Loggable;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.dsl.TailPrettyLoggable;
import io.fabric8.kubernetes.client.dsl.TimeTailPrettyLoggable;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * kubernetes.core.k8s_log: the log of a pod, of the first pod matching label selectors, or of the first pod
 * selected by a workload (Deployment, DaemonSet, Job...) named with kind and name.
 */
public final class K8sLogModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = KubernetesArgs.connection(ModuleSpec.builder("k8s_log")
            .alias("kubernetes.core.k8s_log", "community.kubernetes.k8s_log")
            .description("Fetch the log of a pod, or of the pod behind a workload or label selectors")
            .arg(ArgSpec.of("kind", ArgType.STR, "Kind of the named object; a workload's pods are found by its selector").defaultValue("Pod"))
            .arg(ArgSpec.of("api_version", ArgType.STR, "apiVersion of the kind").aliases("api", "version").defaultValue("v1"))
            .arg(ArgSpec.of("name", ArgType.STR, "Name of the pod or workload").aliases("pod"))
            .arg(ArgSpec.of("namespace", ArgType.STR, "Namespace").defaultValue("default"))
            .arg(ArgSpec.of("label_selectors", ArgType.LIST, "Label selectors choosing the pod").elements(ArgType.STR))
            .arg(ArgSpec.of("container", ArgType.STR, "Container whose log to read"))
            .arg(ArgSpec.of("since_seconds", ArgType.INT, "Only lines newer than this many seconds"))
            .arg(ArgSpec.of("tail_lines", ArgType.INT, "Only this many last lines"))
            .arg(ArgSpec.of("previous", ArgType.BOOL, "The log of the previous, terminated container").defaultValue(false))
            .requiredOneOf("name", "label_selectors")
            .checkMode()
            .examples("""
                    - kubernetes.core.k8s_log:
                        namespace: bench
                        name: iperf-client
                    """)).build();

    public K8sLogModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext context, Arguments args) throws Exception {
        String namespace = args.str("namespace");
        ObjectRef ref = new ObjectRef(args.str("api_version"), args.str("kind"), namespace, args.str("name"));
        try {
            KubernetesClient client = KubernetesClients.shared().client(args);
            String podName = podName(client, args, ref);
            ObjectRef pod = new ObjectRef("v1", "Pod", namespace, podName);
            String log = K8sCalls.call("read the log of", pod, () -> logOf(client.pods().inNamespace(namespace).withName(podName), args).getLog());
            return ModuleResult.ok().put("log", log).put("log_lines", Arrays.asList(log.split("\n", -1)));
        } catch (K8sTaskError e) {
            return ModuleResult.failed(e.getMessage());
        }
    }

    private static String podName(KubernetesClient client, Arguments args, ObjectRef ref) {
        if ("Pod".equals(ref.kind()) && ref.name() != null) {
            return ref.name();
        }
        String selector;
        if (ref.name() != null) {
            selector = workloadSelector(client, ref);
        } else {
            selector = String.join(",", args.strings("label_selectors"));
        }
        List<Pod> pods = K8sCalls.call("list pods of", ref, () -> client.pods().inNamespace(ref.namespace())
                .withLabelSelector(selector).list().getItems());
        if (pods.isEmpty()) {
            throw new K8sTaskError("No pods in namespace " + ref.namespace() + " match " + selector);
        }
        return pods.get(0).getMetadata().getName();
    }

    @SuppressWarnings("unchecked")
    private static String workloadSelector(KubernetesClient client, ObjectRef ref) {
        ResourceDefinitionContext type = K8sCalls.call("find the resource type of", ref,
                () -> ResourceTypes.find(client, ref.apiVersion(), ref.kind()));
        if (type == null) {
            throw new K8sTaskError(ResourceTypes.notFoundMessage(ref.apiVersion(), ref.kind()));
        }
        Map<String, Object> workload = K8sCalls.call("get", ref,
                () -> Manifests.toMap(ResourceTypes.object(client, type, ref.namespace(), ref.name()).get()));
        if (workload == null) {
            throw new K8sTaskError("Failed to get " + ref + ": not found");
        }
        if (!(Manifests.at(workload, "spec", "selector", "matchLabels") instanceof Map<?, ?> labels) || labels.isEmpty()) {
            throw new K8sTaskError(ref + " has no spec.selector.matchLabels to find its pods by");
        }
        return ((Map<String, Object>) labels).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    private static Loggable logOf(PodResource pod, Arguments args) {
        BytesLimitTerminateTimeTailPrettyLoggable log = args.has("container") ? pod.inContainer(args.str("container")) : pod;
        TimeTailPrettyLoggable afterPrevious = args.bool("previous") ? log.terminated() : log;
        TailPrettyLoggable since = args.has("since_seconds") ? afterPrevious.sinceSeconds(args.integer("since_seconds")) : afterPrevious;
        return args.has("tail_lines") ? since.tailingLines(args.integer("tail_lines")) : since;
    }
}
