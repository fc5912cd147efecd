package cnibench.module.kubernetes;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;

import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import cnibench.python.ShellWords;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.dsl.TtyExecOutputErrorable;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;

/** kubernetes.core.k8s_exec: runs a command in a pod's container and reports its output and exit code. */
public final class K8sExecModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = KubernetesArgs.connection(ModuleSpec.builder("k8s_exec")
            .alias("kubernetes.core.k8s_exec", "community.kubernetes.k8s_exec")
            .description("Execute a command in a pod (no shell: the command is split into words as shlex does)")
            .arg(ArgSpec.of("namespace", ArgType.STR, "Namespace of the pod").asRequired())
            .arg(ArgSpec.of("pod", ArgType.STR, "Name of the pod").asRequired())
            .arg(ArgSpec.of("container", ArgType.STR, "Container of the pod; default: its only or first container"))
            .arg(ArgSpec.of("command", ArgType.RAW, "The command: a string split as shlex does, or a list of words").asRequired())
            .examples("""
                    - kubernetes.core.k8s_exec:
                        namespace: bench
                        pod: iperf-client
                        command: iperf3 -c 172.18.0.5 -J -t 30
                    """)).build();

    public K8sExecModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext context, Arguments args) throws Exception {
        List<String> command = args.raw("command") instanceof List<?> words
                ? words.stream().map(String::valueOf).toList() : ShellWords.split(args.str("command"));
        ObjectRef pod = new ObjectRef("v1", "Pod", args.str("namespace"), args.str("pod"));
        try {
            KubernetesClient client = KubernetesClients.shared().client(args);
            PodResource target = client.pods().inNamespace(pod.namespace()).withName(pod.name());
            TtyExecOutputErrorable exec = args.has("container") ? target.inContainer(args.str("container")) : target;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int rc;
            try (ExecWatch watch = exec.writingOutput(out).writingError(err).exec(command.toArray(String[]::new))) {
                rc = watch.exitCode().get();
            }
            String stdout = out.toString(StandardCharsets.UTF_8);
            String stderr = err.toString(StandardCharsets.UTF_8);
            ModuleResult result = ModuleResult.changed(true)
                    .put("stdout", stdout).put("stdout_lines", lines(stdout))
                    .put("stderr", stderr).put("stderr_lines", lines(stderr))
                    .put("rc", rc).put("return_code", rc);
            return rc == 0 ? result : result.setFailed(true).msg("command terminated with non-zero exit code " + rc + " in pod " + pod);
        } catch (KubernetesClientException e) {
            return ModuleResult.failed(KubernetesErrors.describe("execute in", pod, e));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return ModuleResult.failed(cause instanceof KubernetesClientException k ? KubernetesErrors.describe("execute in", pod, k)
                    : "Failed to execute in " + pod + ": " + cause.getMessage());
        }
    }

    /** Lines as Ansible's splitlines gives them: no trailing empty line. */
    static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\r?\n"));
    }
}
