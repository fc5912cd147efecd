package cnibench.k8segress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cnibench.module.kubernetes.ReferenceData;
import cnibench.module.kubernetes.StandIns;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The whole egress-antrea and egress-cilium playbooks through ./runner against fabric8's CRUD mock API server
 * serving exec too, with recording stand-ins for kind, helm and docker, a fake Prometheus API and a real iperf3
 * server on 127.0.0.1. The iperf3 commands exec'd in the client pods run for real from the pods' source addresses
 * ({@link FakeCluster}); parsing, iperf.csv, metrics.csv and the report are the real modules'.
 */
class EgressPlaybooksEndToEndTest extends MockApiEndToEnd {
    private static final int REPEATS = 2;
    /** kind v0.29.0's node image for Kubernetes v1.33.1, from kind's release (pkg/apis/config/defaults/image.go). */
    private static final String NODE_IMAGE_DIGEST = "050072256b9a903bd914c0b2866828150cb229cea0efe5892e2b644d5dd3b34f";
    private static final Path ANTREA_MANIFEST = ReferenceData.file("antrea-v2.7.0/antrea.yml");
    /** The pods in the order the repeats ran: the paths interleaved. */
    private static final List<String> INTERLEAVED = List.of("iperf-client-gateway-1", "iperf-client-direct-1",
            "iperf-client-gateway-2", "iperf-client-direct-2");
    /** The client node cnibench-worker's InternalIP in {@link FakeCluster}: what the server sees on the direct path. */
    private static final String CLIENT_NODE_IP = "127.0.0.3";
    /** The first of the top 8 addresses of the stand-in kind network 127.0.0.0/8: Antrea's egress IP. */
    private static final String ANTREA_EGRESS_IP = "127.255.255.247";
    /** Cilium SNATs to the egress node cnibench-worker2's InternalIP in {@link FakeCluster}. */
    private static final String CILIUM_EGRESS_IP = "127.0.0.4";

    private ExecMockApi api;
    private KubernetesClient client;

    @BeforeEach
    void startMockApi() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/iperf3")), "iperf3 is not installed");
        api = new ExecMockApi();
        client = api.client;
    }

    @AfterEach
    void stopMockApi() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void antreaMeasuresThroughTheEgressGatewayThenDirectAndReports() throws Exception {
        StandIns standIns = StandIns.install(tools, MockClusterScripts.BY_TOOL, List.of("kind", "docker"));
        try (FakeCluster cluster = new FakeCluster(client, standIns, List.of(
                new String[] {"crd.antrea.io/v1beta1", "Egress"}, new String[] {"crd.antrea.io/v1beta1", "ExternalIPPool"})).servingExec(api);
             FakePrometheus prometheus = new FakePrometheus(EgressRunner.FIXTURES)) {
            EgressRunner.Outcome run = play("egress-antrea.yml", prometheus,
                    List.of("-e", "antrea_manifest_path=" + ANTREA_MANIFEST), standIns);

            assertEquals(0, run.exitCode(), run.output());
            assertKindClusterOfListing9(standIns, false);
            assertEquals(INTERLEAVED, cluster.clientPods());
            assertEquals(Map.of("iperf-client-gateway-1", List.of("Egress", "ExternalIPPool"),
                    "iperf-client-gateway-2", List.of("Egress", "ExternalIPPool"),
                    "iperf-client-direct-1", List.of(), "iperf-client-direct-2", List.of()), cluster.egressObjectsAtPod());
            assertEquals(Map.of("ipRanges", List.of(Map.of("start", ANTREA_EGRESS_IP, "end", "127.255.255.254")), "nodeSelector",
                    Map.of("matchLabels", Map.of("kubernetes.io/hostname", "cnibench-worker2"))), cluster.lastPoolSpec(),
                    "the pool is the top of the kind network");
            assertSourcesChecked(run, ANTREA_EGRESS_IP);
            assertNotNull(client.apps().deployments().inNamespace("kube-system").withName("antrea-controller").get(),
                    "the Antrea manifest was applied");
            assertMeasuredAndReported(run, standIns, prometheus);
        }
    }

    @Test
    void ciliumInstallsWithEgressGatewayValuesAndMeasuresBothPathsOnceThePolicyApplies() throws Exception {
        StandIns standIns = StandIns.install(tools, MockClusterScripts.BY_TOOL, List.of("kind", "docker", "helm"));
        try (FakeCluster cluster = new FakeCluster(client, standIns, List.<String[]>of(new String[] {"cilium.io/v2", "CiliumEgressGatewayPolicy"}))
                .servingExec(api).policyApplies(2, Integer.MAX_VALUE);
             FakePrometheus prometheus = new FakePrometheus(EgressRunner.FIXTURES)) {
            EgressRunner.Outcome run = play("egress-cilium.yml", prometheus, List.of(), standIns);

            assertEquals(0, run.exitCode(), run.output());
            assertKindClusterOfListing9(standIns, true);
            assertTrue(standIns.log().contains("helm upgrade --install --reset-values cilium cilium --namespace kube-system "
                    + "--version 1.18.0 --repo https://helm.cilium.io/ --values "), standIns.log());
            List<String> values = standIns.kept("helm-values");
            assertEquals(1, values.size());
            assertEquals(Map.of("kubeProxyReplacement", true, "k8sServiceHost", "cnibench-control-plane", "k8sServicePort", 6443,
                    "bpf", Map.of("masquerade", true), "egressGateway", Map.of("enabled", true), "ipam", Map.of("mode", "kubernetes")),
                    new Load(LoadSettings.builder().build()).loadFromString(values.get(0)));
            assertEquals(INTERLEAVED, cluster.clientPods());
            assertEquals(Map.of("iperf-client-gateway-1", List.of("CiliumEgressGatewayPolicy"),
                    "iperf-client-gateway-2", List.of("CiliumEgressGatewayPolicy"),
                    "iperf-client-direct-1", List.of(), "iperf-client-direct-2", List.of()), cluster.egressObjectsAtPod());
            assertSourcesChecked(run, CILIUM_EGRESS_IP);
            assertEquals(List.of(CLIENT_NODE_IP, CLIENT_NODE_IP, CILIUM_EGRESS_IP, CILIUM_EGRESS_IP), cluster.sourcesByPod().get("iperf-client-gateway-2"),
                    "probed until the egress IP appeared, then measured");
            assertEquals(List.of(CLIENT_NODE_IP, CLIENT_NODE_IP), cluster.sourcesByPod().get("iperf-client-direct-2"), "one probe, then measured");
            assertTrue(run.output().indexOf("TASK [wait_until_cilium_installed : Wait until the cilium DaemonSet has rolled out]")
                    < run.output().indexOf("TASK [wait_until_nodes_ready : Wait until every node is Ready]"), run.output());
            assertMeasuredAndReported(run, standIns, prometheus);
        }
    }

    @Test
    void aGatewayPathTheServerNeverSeesFromTheEgressIpFailsNamingThePodAndCleansUp() throws Exception {
        StandIns standIns = StandIns.install(tools, MockClusterScripts.BY_TOOL, List.of("kind", "docker"));
        try (FakeCluster cluster = new FakeCluster(client, standIns, List.of(
                new String[] {"crd.antrea.io/v1beta1", "Egress"}, new String[] {"crd.antrea.io/v1beta1", "ExternalIPPool"})).servingExec(api)
                .seenFrom(CLIENT_NODE_IP);
             FakePrometheus prometheus = new FakePrometheus(EgressRunner.FIXTURES)) {
            EgressRunner.Outcome run = play("egress-antrea.yml", prometheus, List.of("-e", "antrea_manifest_path=" + ANTREA_MANIFEST,
                    "-e", "egress_path_timeout=3"), standIns);

            assertEquals(2, run.exitCode(), run.output());
            assertTrue(run.output().contains("The iperf3 server never saw iperf-client-gateway-1's traffic from " + ANTREA_EGRESS_IP
                    + " (the egress IP SNATed by cnibench-worker2) within 3 s; the last probe reached it from " + CLIENT_NODE_IP + "."),
                    run.output());
            assertEquals(List.of("iperf-client-gateway-1"), cluster.clientPods(), "the run stops at the first path that never appears");
            assertEquals(List.of(CLIENT_NODE_IP, CLIENT_NODE_IP, CLIENT_NODE_IP, CLIENT_NODE_IP),
                    cluster.sourcesByPod().get("iperf-client-gateway-1"), "probed for 3 s, never measured");
            assertTrue(client.pods().inNamespace("egress-bench").list().getItems().isEmpty(), "the client pod was deleted");
            assertTrue(client.genericKubernetesResources("crd.antrea.io/v1beta1", "Egress").list().getItems().isEmpty(),
                    "the Egress was deleted");
            assertFalse(Files.exists(run.runDir().resolve("iperf3/gateway-1.json")));
            assertTrue(standIns.log().endsWith("kind delete cluster --name cnibench\n"), standIns.log());
        }
    }

    @Test
    void aGatewayRunTheServerSawFromTheNodesAddressAfterTheProbeFailsTheRunAndNamesIt() throws Exception {
        StandIns standIns = StandIns.install(tools, MockClusterScripts.BY_TOOL, List.of("kind", "docker"));
        try (FakeCluster cluster = new FakeCluster(client, standIns, List.of(
                new String[] {"crd.antrea.io/v1beta1", "Egress"}, new String[] {"crd.antrea.io/v1beta1", "ExternalIPPool"})).servingExec(api)
                .policyApplies(0, 1);
             FakePrometheus prometheus = new FakePrometheus(EgressRunner.FIXTURES)) {
            EgressRunner.Outcome run = play("egress-antrea.yml", prometheus, List.of("-e", "antrea_manifest_path=" + ANTREA_MANIFEST), standIns);

            assertEquals(2, run.exitCode(), run.output());
            assertEquals(List.of(ANTREA_EGRESS_IP, CLIENT_NODE_IP), cluster.sourcesByPod().get("iperf-client-gateway-1"),
                    "the probe saw the egress IP, the measured run the node's address");
            assertTrue(run.output().contains("The gateway path (repeat 1) reached the iperf3 server from " + CLIENT_NODE_IP + ", expected "
                    + ANTREA_EGRESS_IP + " (the egress IP SNATed by cnibench-worker2)."), run.output());
            assertEquals(List.of("stage,repeat,path,expected_source,seen_source,ok",
                    "measure,1,gateway," + ANTREA_EGRESS_IP + "," + CLIENT_NODE_IP + ",False"),
                    Files.readAllLines(run.runDir().resolve("egress_check.csv")));
            assertTrue(client.pods().inNamespace("egress-bench").list().getItems().isEmpty(), "the client pod was deleted");
            assertTrue(standIns.log().endsWith("kind delete cluster --name cnibench\n"), standIns.log());
        }
    }

    @Test
    void aFailureInsideTheClusterStillDeletesIt() throws Exception {
        StandIns standIns = StandIns.install(tools, MockClusterScripts.BY_TOOL, List.of("kind", "docker"));
        try (FakeCluster cluster = new FakeCluster(client, standIns, List.of()).servingExec(api);
             FakePrometheus prometheus = new FakePrometheus(EgressRunner.FIXTURES)) {
            EgressRunner.Outcome run = play("egress-antrea.yml", prometheus,
                    List.of("-e", "antrea_manifest_path=" + ANTREA_MANIFEST, "-e", "egress_node=no-such-node"), standIns);

            assertEquals(2, run.exitCode(), run.output());
            assertTrue(run.output().contains("The egress node no-such-node is not in the cluster; set egress_node to one of its nodes."),
                    run.output());
            assertTrue(standIns.log().endsWith("kind delete cluster --name cnibench\n"), standIns.log());
            assertFalse(Files.exists(run.runDir().resolve("iperf.csv")));
        }
    }

    @Test
    void checkModePrintsThePlanAndCreatesNothing() throws Exception {
        StandIns standIns = StandIns.install(tools, MockClusterScripts.BY_TOOL, List.of("kind", "docker"));
        EgressRunner.Outcome run = EgressRunner.play("egress-antrea.yml", List.of("--check"), standIns,
                Map.of("MOCK_URL", mockUrl()), results);

        assertEquals(0, run.exitCode(), run.output());
        assertPlanPrinted(run);
        assertTrue(standIns.log().startsWith("kind version\ndocker info\n"), standIns.log());
        assertFalse(standIns.log().contains("create cluster"), standIns.log());
        assertTrue(client.namespaces().list().getItems().isEmpty());
        assertFalse(Files.exists(run.runDir().resolve("kubeconfig")));
    }

    @Test
    void checkModeNamesTheMissingToolsAndStillPrintsThePlan() throws Exception {
        StandIns standIns = StandIns.install(tools, MockClusterScripts.BY_TOOL, List.of());
        EgressRunner.Outcome run = EgressRunner.play("egress-cilium.yml", List.of("--check"), standIns, Map.of("MOCK_URL", mockUrl()), results);

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("This benchmark needs docker, kind, helm on PATH, which are missing"), run.output());
        assertTrue(run.output().contains("...ignoring"), run.output());
        assertPlanPrinted(run);
    }

    @Test
    void anotherKindVersionIsRefusedBeforeAnythingIsCreated() throws Exception {
        assertRefusedBeforeAnythingIsCreated("egress-antrea.yml", List.of("kind", "docker"), Map.of("KIND_STANDIN_VERSION", "v0.27.0"),
                "The kind node image kindest/node:v1.33.1@sha256:" + NODE_IMAGE_DIGEST + " belongs to kind v0.29.0, "
                + "but kind says: kind v0.27.0 go1.24.2 linux/amd64. Install kind v0.29.0 (or pin the node image of your kind release). "
                + "Nothing was created.", "kind version\n");
    }

    @Test
    void aDockerDaemonThatDoesNotAnswerIsRefusedBeforeAnythingIsCreated() throws Exception {
        assertRefusedBeforeAnythingIsCreated("egress-antrea.yml", List.of("kind", "docker"), Map.of("DOCKER_STANDIN_DOWN", "1"),
                "The Docker daemon does not answer (docker info: Cannot connect to the Docker daemon at "
                + "unix:///var/run/docker.sock. Is the docker daemon running?): start it, or give this user access to its socket, "
                + "and run again. Nothing was created.", "kind version\ndocker info\n");
    }

    @Test
    void aMissingToolIsNamedBeforeAnythingIsCreated() throws Exception {
        assertRefusedBeforeAnythingIsCreated("egress-cilium.yml", List.of("kind", "docker"), Map.of(),
                "This benchmark needs helm on PATH, which is missing: install it (see the README) and run again. Nothing was created.", "");
    }

    /** The run stops with exit code 2 and message, the stand-ins of tools having been asked only what log says. */
    private void assertRefusedBeforeAnythingIsCreated(String playbook, List<String> standInTools, Map<String, String> env, String message,
                                                      String log) throws Exception {
        StandIns standIns = StandIns.install(tools, MockClusterScripts.BY_TOOL, standInTools);
        Map<String, String> environment = new HashMap<>(env);
        environment.put("MOCK_URL", mockUrl());
        EgressRunner.Outcome run = EgressRunner.play(playbook, List.of(), standIns, environment, results);

        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains(message), run.output());
        assertEquals(log, standIns.log());
    }

    private EgressRunner.Outcome play(String playbook, FakePrometheus prometheus, List<String> more, StandIns standIns) throws Exception {
        List<String> args = new ArrayList<>(List.of("-e", "repeats=" + REPEATS, "-e", "iperf_duration=1", "-e", "iperf_omit=0",
                "-e", "iperf_server_port=" + freePort(), "-e", "prometheus_url=" + prometheus.url(),
                "-e", "k8s_wait_sleep=1", "-e", "iperf_poll_delay=1", "-e", "monitoring_poll_delay=1"));
        args.addAll(more);
        return EgressRunner.play(playbook, args, standIns, Map.of("MOCK_URL", mockUrl()), results);
    }

    private void assertKindClusterOfListing9(StandIns standIns, boolean withoutKubeProxy) throws IOException {
        List<String> configs = standIns.kept("kind-config");
        assertEquals(1, configs.size(), standIns.log());
        Map<?, ?> config = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(configs.get(0));
        List<?> nodes = (List<?>) config.get("nodes");
        assertEquals(List.of("control-plane", "worker", "worker"), nodes.stream().map(n -> ((Map<?, ?>) n).get("role")).toList());
        Map<?, ?> networking = (Map<?, ?>) config.get("networking");
        assertEquals(true, networking.get("disableDefaultCNI"));
        assertEquals(withoutKubeProxy ? "none" : null, networking.get("kubeProxyMode"));
        String log = standIns.log();
        assertTrue(log.contains("kind create cluster --name cnibench --config "), log);
        assertTrue(log.contains(" --image kindest/node:v1.33.1@sha256:" + NODE_IMAGE_DIGEST + " --kubeconfig "), log);
        assertTrue(log.contains(" --wait 0s"), "kind does not wait for nodes that cannot be Ready without a CNI: " + log);
        assertEquals(null, ((Map<?, ?>) nodes.get(0)).get("extraPortMappings"), "no host ports for egress");
        assertTrue(log.endsWith("kind delete cluster --name cnibench\n"), "teardown deletes the cluster last:\n" + log);
    }

    private void assertMeasuredAndReported(EgressRunner.Outcome run, StandIns standIns, FakePrometheus prometheus) throws IOException {
        assertTrue(standIns.log().contains("docker network inspect kind"), "the iperf3 server address comes from the kind network");
        Path dir = run.runDir();
        Map<String, Long> intervalsPerPath = new HashMap<>();
        for (String path : List.of("gateway", "direct")) {
            for (int repeat = 1; repeat <= REPEATS; repeat++) {
                JsonNode raw = new ObjectMapper().readTree(dir.resolve("iperf3/" + path + "-" + repeat + ".json").toFile());
                assertTrue(raw.at("/end/sum_received/bytes").asLong() > 0, "a real iperf3 run's JSON: " + raw);
                intervalsPerPath.merge(path, (long) raw.get("intervals").size(), Long::sum);
            }
        }
        List<String> iperf = Files.readAllLines(dir.resolve("iperf.csv"));
        List<String> header = List.of(iperf.get(0).split(","));
        Map<String, Long> rowsPerPath = iperf.stream().skip(1).map(l -> l.split(",")[header.indexOf("path")])
                .collect(Collectors.groupingBy(p -> p, Collectors.counting()));
        assertEquals(intervalsPerPath, rowsPerPath, "one iperf.csv row per interval of each repeat's JSON");
        List<String> metrics = Files.readAllLines(dir.resolve("metrics.csv"));
        assertEquals("timestamp,path,repeat,node,metric,mode,device,value", metrics.get(0));
        assertTrue(metrics.stream().anyMatch(l -> l.contains(",gateway,2,cnibench-worker2,cpu_seconds_rate,softirq,,")), metrics.toString());
        assertTrue(prometheus.queries().stream().anyMatch(q -> q.startsWith("/api/v1/query_range")));
        String summary = Files.readString(dir.resolve("summary.csv"));
        assertTrue(summary.contains("\ngateway,") && summary.contains("\ndirect,"), summary);
        String report = Files.readString(dir.resolve("report.html"));
        assertTrue(report.contains("kind: the nodes are containers on one host"), report);
        assertFalse(report.contains("of the busiest node"), report);
        assertFalse(Files.exists(dir.resolve("iperf3-server.pid")) && ProcessHandle.of(Long.parseLong(
                Files.readString(dir.resolve("iperf3-server.pid")).trim())).isPresent(), "the iperf3 server was stopped");
    }

    /** egress_check.csv: every repeat, in the order run, reached the server from its path's address. */
    private static void assertSourcesChecked(EgressRunner.Outcome run, String egressIp) throws IOException {
        assertEquals(List.of("stage,repeat,path,expected_source,seen_source,ok",
                "measure,1,gateway," + egressIp + "," + egressIp + ",True", "measure,1,direct," + CLIENT_NODE_IP + "," + CLIENT_NODE_IP + ",True",
                "measure,2,gateway," + egressIp + "," + egressIp + ",True", "measure,2,direct," + CLIENT_NODE_IP + "," + CLIENT_NODE_IP + ",True"),
                Files.readAllLines(run.runDir().resolve("egress_check.csv")));
    }

    private static void assertPlanPrinted(EgressRunner.Outcome run) {
        assertTrue(run.output().contains("TASK [create_kind_cluster : Create the kind cluster]"), run.output());
        assertTrue(run.output().contains("TASK [run_egress_iperf : Measure each path, repeat by repeat]"), run.output());
    }

    private String mockUrl() {
        return client.getConfiguration().getMasterUrl();
    }

}
