package cnibench.k8segress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cnibench.module.azure.ArmStub;
import cnibench.module.kubernetes.ReferenceData;
import cnibench.module.kubernetes.StandIns;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * egress-antrea.yml with -i inventory/azure through ./runner: the AKS cluster is created, its kubeconfig
 * written and the cluster deleted through the Azure SDK against the https ARM stub, signed in by
 * DefaultAzureCredential through a stand-in `az` (Azure CLI login); the kubeconfig points at fabric8's mock API
 * server, where the rest of the benchmark runs as in the kind tests.
 */
class AksEgressEndToEndTest extends MockApiEndToEnd {
    private static final int REPEATS = 1;
    private static final List<String> AKS_NODES = AksArm.NODES;
    /** Where the iperf3 server sees the pods' traffic from on AKS: the cluster's outbound NAT, not a node or egress IP. */
    private static final String OUTBOUND_NAT_ADDRESS = "127.0.0.9";
    private static final String SUBSCRIPTION = AksArm.SUBSCRIPTION;
    private static final String CLUSTER = AksArm.CLUSTER;

    private ExecMockApi api;
    private KubernetesClient client;

    private AksArm aks;
    private ArmStub arm;
    private StandIns standIns;
    private Map<String, String> env;

    @BeforeEach
    void start() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/iperf3")), "iperf3 is not installed");
        api = new ExecMockApi();
        client = api.client;
        aks = new AksArm(client.getConfiguration().getMasterUrl(), tools);
        arm = aks.stub();
        standIns = StandIns.install(tools, Map.of("az", AksArm.AZ), List.of("az"));
        env = aks.environment();
    }

    @AfterEach
    void stop() throws IOException {
        if (aks != null) {
            aks.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void antreaOnAksCreatesTheClusterMeasuresAndDeletesIt() throws Exception {
        try (FakeCluster cluster = new FakeCluster(client, standIns, List.of(
                new String[] {"crd.antrea.io/v1beta1", "Egress"}, new String[] {"crd.antrea.io/v1beta1", "ExternalIPPool"}), AKS_NODES).servingExec(api)
                .seenFrom(OUTBOUND_NAT_ADDRESS);
             FakePrometheus prometheus = new FakePrometheus(EgressRunner.FIXTURES, AKS_NODES.size())) {
            // Prometheus is reached through its LoadBalancer Service, as on AKS: FakeCluster gives it 127.0.0.1.
            EgressRunner.Outcome run = EgressRunner.play("egress-antrea.yml", "inventory/azure",
                    args(List.of("-vvv", "-e", "prometheus_service_port=" + prometheus.port())), standIns, env, results);

            assertEquals(0, run.exitCode(), run.output());
            assertEquals(AksArm.createdAndDeleted(), aks.changes(), arm.requests().toString());
            Map<String, Object> properties = properties();
            assertEquals(Map.of("networkPlugin", "none", "loadBalancerSku", "standard"), properties.get("networkProfile"));
            assertEquals(List.of(Map.of("name", "nodepool1", "count", 2, "vmSize", "Standard_A2_v2", "mode", "System",
                    "osType", "Linux", "type", "VirtualMachineScaleSets")), properties.get("agentPoolProfiles"));
            assertEquals("1.33.2", properties.get("kubernetesVersion"));
            assertTrue(run.output().contains("[localhost] creating AKS cluster cnibench/cnibench: in progress after "), run.output());

            Path kubeconfig = run.runDir().resolve("kubeconfig");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kubeconfig)));
            assertEquals(Map.of("iperf-client-gateway-1", List.of("Egress", "ExternalIPPool"), "iperf-client-direct-1", List.of()),
                    cluster.egressObjectsAtPod());
            assertTrue(run.output().contains("\"egress_ip\": \"10.224.255.241\""), "the Egress's IP from its status: " + run.output());
            assertFalse(Files.exists(run.runDir().resolve("egress_check.csv")), "no source check behind Azure's outbound NAT");
            String manifest = Files.readString(run.runDir().resolve("antrea.yml"));
            assertTrue(manifest.contains("      enableNodeIPAM: true\n") && manifest.contains("      clusterCIDRs: [\"10.244.0.0/16\"]\n"),
                    "NodeIPAM turned on in the applied manifest");
            assertEquals(Map.of("kubernetes.io/hostname", AKS_NODES.get(0)), client.apps().deployments().inNamespace("monitoring")
                    .withName("prometheus").get().getSpec().getTemplate().getSpec().getNodeSelector(), "Prometheus runs on the first node");
            assertEquals("LoadBalancer", client.services().inNamespace("monitoring").withName("prometheus").get().getSpec().getType());
            assertTrue(prometheus.queries().stream().anyMatch(q -> q.startsWith("/api/v1/query_range")),
                    "Prometheus was read on its load balancer's address");
            assertTrue(Files.readString(run.runDir().resolve("summary.csv")).contains("\ngateway,"));
            assertNoSecretIn(run);
        }
    }

    @Test
    void withDeleteClusterFalseTheClusterStaysAndASecondCreateChangesNothing() throws Exception {
        try (FakeCluster cluster = new FakeCluster(client, standIns, List.of(), AKS_NODES).servingExec(api);
             FakePrometheus prometheus = new FakePrometheus(EgressRunner.FIXTURES, AKS_NODES.size())) {
            EgressRunner.Outcome first = play(prometheus, List.of("-e", "delete_cluster=false"));
            assertEquals(0, first.exitCode(), first.output());
            assertTrue(arm.hasCluster("cnibench", "cnibench"));

            EgressRunner.Outcome second = play(prometheus, List.of("-e", "delete_cluster=false"));
            assertEquals(0, second.exitCode(), second.output());
            String created = second.output().substring(second.output().indexOf("TASK [create_aks_cluster : Create the AKS cluster"));
            assertTrue(created.substring(created.indexOf('\n') + 1).startsWith("ok: [localhost]"), second.output());
            assertEquals(1, arm.count("PUT", "/managedClusters/cnibench"), "no second PUT: " + arm.requests());
            assertNoSecretIn(second);

            EgressRunner.Outcome planned = play(prometheus, List.of("-e", "delete_cluster=false", "-e", "aks_node_count=3", "--check", "--diff"));
            assertEquals(0, planned.exitCode(), planned.output());
            assertTrue(planned.output().contains("-            \"count\": 2,\n+            \"count\": 3,"), planned.output());
            assertEquals(1, arm.count("PUT", "/managedClusters/cnibench"), "check mode sent no PUT: " + arm.requests());
        }
    }

    @Test
    void ciliumOnAksInstallsWithTheBringYourOwnCniValues() throws Exception {
        standIns = StandIns.install(tools, Map.of("az", AksArm.AZ, "helm", MockClusterScripts.BY_TOOL.get("helm")), List.of("az", "helm"));
        try (FakeCluster cluster = new FakeCluster(client, standIns, List.<String[]>of(new String[] {"cilium.io/v2", "CiliumEgressGatewayPolicy"}),
                AKS_NODES).servingExec(api);
             FakePrometheus prometheus = new FakePrometheus(EgressRunner.FIXTURES, AKS_NODES.size())) {
            EgressRunner.Outcome run = EgressRunner.play("egress-cilium.yml", "inventory/azure", args(List.of("-e", "prometheus_url=" + prometheus.url())), standIns,
                    env, results);

            assertEquals(0, run.exitCode(), run.output());
            Map<?, ?> values = (Map<?, ?>) new org.snakeyaml.engine.v2.api.Load(org.snakeyaml.engine.v2.api.LoadSettings.builder().build())
                    .loadFromString(standIns.kept("helm-values").get(0));
            assertEquals(Map.of("enabled", true), values.get("aksbyocni"));
            assertEquals(Map.of("mode", "cluster-pool", "operator", Map.of("clusterPoolIPv4PodCIDRList", List.of("10.244.0.0/16"))),
                    values.get("ipam"));
            assertEquals("cnibench-stub.hcp.westeurope.azmk8s.io", values.get("k8sServiceHost"));
            assertEquals(443, values.get("k8sServicePort"));
            assertEquals(Map.of("iperf-client-gateway-1", List.of("CiliumEgressGatewayPolicy"), "iperf-client-direct-1", List.of()),
                    cluster.egressObjectsAtPod());
            assertTrue(arm.requests().stream().anyMatch(r -> r.startsWith("DELETE ") && r.endsWith("/managedClusters/cnibench")));
        }
    }

    @Test
    void aMissingPermissionStopsTheRunWithOneLineAndTheTeardownStillRuns() throws Exception {
        arm.fault("PUT", "/managedClusters/", 403, Map.of(), """
                {"error": {"code": "AuthorizationFailed", "message": "The client 'x' with object id 'y' does not have authorization \
                to perform action 'Microsoft.ContainerService/managedClusters/write' over scope '/subscriptions/%s'."}}"""
                .formatted(SUBSCRIPTION));
        try (FakePrometheus prometheus = new FakePrometheus(EgressRunner.FIXTURES, AKS_NODES.size())) {
            EgressRunner.Outcome run = play(prometheus, List.of());

            assertEquals(2, run.exitCode(), run.output());
            assertTrue(run.output().contains("\"msg\": \"cannot create or update AKS cluster cnibench/cnibench: the signed-in identity "
                    + "lacks Microsoft.ContainerService/managedClusters/write in subscription " + SUBSCRIPTION
                    + " (403 AuthorizationFailed); grant it a role that allows it (e.g. Contributor) or use another subscription\""),
                    run.output());
            assertEquals(List.of("PUT /resourcegroups/cnibench", "PUT " + CLUSTER, "DELETE /resourcegroups/cnibench"), aks.changes(),
                    "the refused PUT, then the teardown deleted the group");
        }
    }

    @Test
    void withoutASubscriptionNothingIsCreated() throws Exception {
        env.remove("AZURE_SUBSCRIPTION_ID");
        try (FakePrometheus prometheus = new FakePrometheus(EgressRunner.FIXTURES, AKS_NODES.size())) {
            EgressRunner.Outcome run = play(prometheus, List.of());
            assertEquals(2, run.exitCode(), run.output());
            assertTrue(run.output().contains("no Azure subscription: set subscription_id (inventory: azure_subscription_id) or the "
                    + "environment variable AZURE_SUBSCRIPTION_ID"), run.output());
            assertEquals(List.of(), arm.requests());
        }
    }

    private EgressRunner.Outcome play(FakePrometheus prometheus, List<String> more) throws Exception {
        List<String> args = new ArrayList<>(List.of("-e", "prometheus_url=" + prometheus.url()));
        args.addAll(more);
        return EgressRunner.play("egress-antrea.yml", "inventory/azure", args(args), standIns, env, results);
    }

    private List<String> args(List<String> more) throws IOException {
        List<String> args = new ArrayList<>(aks.clusterArgs());
        args.addAll(List.of("-e", "repeats=" + REPEATS, "-e", "iperf_duration=1", "-e", "iperf_omit=0",
                "-e", "iperf_server_port=" + freePort(), "-e", "iperf_server_address=127.0.0.1",
                "-e", "antrea_manifest_path=" + ReferenceData.file("antrea-v2.7.0/antrea.yml"),
                "-e", "k8s_wait_sleep=1", "-e", "iperf_poll_delay=1", "-e", "monitoring_poll_delay=1"));
        args.addAll(more);
        return args;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> properties() {
        return (Map<String, Object>) arm.cluster("cnibench", "cnibench").get("properties");
    }

    private static void assertNoSecretIn(EgressRunner.Outcome run) throws IOException {
        assertFalse(run.output().contains(ArmStub.SECRET), "the terminal output holds a secret");
        try (Stream<Path> files = Files.walk(run.runDir())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".jsonl")).toList()) {
                assertFalse(Files.readString(file).contains(ArmStub.SECRET), file + " holds a secret");
            }
        }
    }

}
