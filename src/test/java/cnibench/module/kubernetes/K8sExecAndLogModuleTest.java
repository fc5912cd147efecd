package cnibench.module.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.server.mock.OutputStreamMessage;
import io.fabric8.kubernetes.client.server.mock.StatusStreamMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient
class K8sExecAndLogModuleTest {
    static KubernetesMockServer server;
    static KubernetesClient client;

    @TempDir
    Path dir;

    private ModuleResult run(cnibench.module.spi.Module module, Map<String, Object> extra) throws Exception {
        Map<String, Object> args = MockApi.args(client);
        args.putAll(extra);
        return new TestModuleContext(dir).run(module, args);
    }

    private static void runningPod(String name) {
        server.expect().get().withPath("/api/v1/namespaces/bench/pods/" + name)
                .andReturn(200, new PodBuilder().withNewMetadata().withName(name).withNamespace("bench").endMetadata()
                        .withNewSpec().addNewContainer().withName("main").endContainer().endSpec()
                        .withNewStatus().withPhase("Running").endStatus().build()).always();
    }

    @Test
    void execRunsTheShlexSplitCommandAndReportsOutputAndRc() throws Exception {
        runningPod("iperf-client");
        server.expect().withPath("/api/v1/namespaces/bench/pods/iperf-client/exec?command=sh&command=-c&command=echo%20hi%20there"
                        + "&container=main&stdout=true&stderr=true")
                .andUpgradeToWebSocket().open(new OutputStreamMessage("hi there\n"), new StatusStreamMessage(0)).done().once();

        ModuleResult result = run(new K8sExecModule(), Map.of("namespace", "bench", "pod", "iperf-client", "container", "main",
                "command", "sh -c 'echo hi there'"));

        assertFalse(result.isFailed(), result.msg());
        assertTrue(result.isChanged());
        assertEquals("hi there\n", result.field("stdout"));
        assertEquals(List.of("hi there"), result.field("stdout_lines"));
        assertEquals(0, result.field("rc"));
        assertEquals(0, result.field("return_code"));
    }

    @Test
    void execFailsOnANonZeroExitCode() throws Exception {
        runningPod("broken");
        server.expect().withPath("/api/v1/namespaces/bench/pods/broken/exec?command=false&container=main&stdout=true&stderr=true")
                .andUpgradeToWebSocket().open(new StatusStreamMessage(3)).done().once();

        ModuleResult result = run(new K8sExecModule(), Map.of("namespace", "bench", "pod", "broken", "command", "false"));

        assertTrue(result.isFailed());
        assertEquals(3, result.field("rc"), result.msg());
        assertEquals("command terminated with non-zero exit code 3 in pod Pod bench/broken", result.msg());
    }

    @Test
    void logReadsThePodChosenByLabels() throws Exception {
        server.expect().get().withPath("/api/v1/namespaces/bench/pods?labelSelector=app%3Diperf-server")
                .andReturn(200, new PodListBuilder().addNewItem().withNewMetadata().withName("iperf-server-0").endMetadata().endItem()
                        .build()).once();
        server.expect().get().withPath("/api/v1/namespaces/bench/pods/iperf-server-0/log?pretty=false&sinceSeconds=60")
                .andReturn(200, "Server listening on 5201\nAccepted connection\n").once();

        ModuleResult result = run(new K8sLogModule(), Map.of("namespace", "bench", "label_selectors", List.of("app=iperf-server"),
                "since_seconds", 60));

        assertFalse(result.isFailed(), result.msg());
        assertEquals("Server listening on 5201\nAccepted connection\n", result.field("log"));
        assertEquals(List.of("Server listening on 5201", "Accepted connection", ""), result.field("log_lines"));
    }

    @Test
    void logOfAMissingPodIsOneLine() throws Exception {
        ModuleResult result = run(new K8sLogModule(), Map.of("namespace", "bench", "name", "nope"));

        assertTrue(result.isFailed());
        assertTrue(result.msg().startsWith("Failed to read the log of Pod bench/nope: 404"), result.msg());
    }
}
