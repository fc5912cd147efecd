package cnibench.k8singress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.k8segress.AksArm;
import cnibench.k8segress.EgressRunner;
import cnibench.k8segress.MockApiEndToEnd;
import cnibench.k8segress.FakePrometheus;
import cnibench.module.kubernetes.ReferenceData;
import cnibench.module.kubernetes.StandIns;
import cnibench.report.CsvFiles;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ingress-antrea.yml and ingress-cilium.yml with -i inventory/azure through ./runner: the AKS cluster is created and
 * deleted through the Azure SDK against the ARM stub ({@link AksArm}), the stages and the mirror run against fabric8's
 * mock API server with the kind tests' fake controllers ({@link IngressControllers#onAks}: the Gateway gets the public
 * address Azure's load balancer would give it) and k6 stand-in. Proves the playbooks' AKS path, not AKS itself.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class AksIngressEndToEndTest extends MockApiEndToEnd {
    /** A documentation address (RFC 5737) as the Gateway's public one: nothing connects to it, the k6 stand-in reads the route. */
    private static final String PUBLIC_ADDRESS = "203.0.113.10";

    KubernetesMockServer server;
    KubernetesClient client;

    private AksArm aks;

    @BeforeEach
    void start() throws IOException {
        IngressRun.serveTheAnalyzersLog(server, tools);
        aks = new AksArm(client.getConfiguration().getMasterUrl(), tools);
    }

    @AfterEach
    void stop() throws IOException {
        aks.close();
    }

    @Test
    void antreaOnAksCreatesTheClusterRunsTheStagesWithoutMetalLbAndDeletesIt() throws Exception {
        StandIns standIns = play("ingress-antrea.yml", List.of("-e", "antrea_manifest_path=" + ReferenceData.file("antrea-v2.7.0/antrea.yml")),
                run -> {
                    Path dir = run.runDir();
                    List<Map<String, String>> canary = CsvFiles.read(dir.resolve("stages.csv")).stream()
                            .filter(r -> r.get("label").equals("canary")).toList();
                    assertEquals(List.of("0", "5", "25", "50", "75", "100"), canary.stream().map(r -> r.get("canary_percent")).toList());
                    for (Map<String, String> row : canary) {
                        assertEquals(Double.parseDouble(row.get("expected_share")), Double.parseDouble(row.get("share")), 0.01, row.toString());
                    }
                    assertTrue(Files.readString(dir.resolve("k6/stage-1.js")).contains("http.get('http://" + PUBLIC_ADDRESS
                            + "/', { headers: { Host: 'canary.aks.test' } })"), "k6 on this machine against the Gateway's public address");
                    assertTrue(Files.exists(dir.resolve("mirror.csv")));
                    assertTrue(Files.readString(dir.resolve("report.html")).contains("on AKS: Antrea with NGINX Gateway Fabric"));
                });

        assertTrue(standIns.log().contains("helm upgrade --install --reset-values ngf "), standIns.log());
        assertEquals(List.<Object>of(Map.of("nginx", Map.of("service", Map.of("type", "LoadBalancer")))), IngressRun.helmValues(standIns),
                "NGF's Service is of type LoadBalancer as on kind: Azure's load balancer serves it");
    }

    @Test
    void ciliumOnAksGetsTheBringYourOwnCniValuesWithItsGatewayApi() throws Exception {
        StandIns standIns = play("ingress-cilium.yml", List.of(), run -> { });

        assertTrue(standIns.log().contains("helm upgrade --install --reset-values cilium cilium --namespace kube-system --version 1.20.1 "),
                standIns.log());
        Map<?, ?> values = (Map<?, ?>) IngressRun.helmValues(standIns).get(0);
        assertEquals(Map.of("enabled", true), values.get("aksbyocni"), "inventory/azure's values");
        assertEquals(Map.of("enabled", true), values.get("nodeinit"));
        assertEquals(Map.of("mode", "cluster-pool", "operator", Map.of("clusterPoolIPv4PodCIDRList", List.of("10.244.0.0/16"))),
                values.get("ipam"));
        assertEquals("cnibench-stub.hcp.westeurope.azmk8s.io", values.get("k8sServiceHost"));
        assertEquals(true, values.get("kubeProxyReplacement"));
        assertEquals(Map.of("enabled", true), values.get("gatewayAPI"), "the playbook's values");
        assertEquals(Map.of("enabled", false), values.get("egressGateway"));
    }

    /** What a test checks of a successful run's directory. */
    private interface RunChecks {
        void check(EgressRunner.Outcome run) throws Exception;
    }

    /**
     * Runs a playbook on "AKS" and checks what every AKS ingress run does: the cluster created through the stub and
     * deleted at the end, no MetalLB, no kind or docker, every stage in stages.csv; returns the stand-ins to look at.
     */
    private StandIns play(String playbook, List<String> more, RunChecks checks) throws Exception {
        StandIns standIns = IngressRun.standIns(tools, List.of("az", "helm", "k6"));
        try (IngressControllers controllers = IngressControllers.onAks(client, standIns, PUBLIC_ADDRESS);
             FakePrometheus prometheus = new FakePrometheus(EgressRunner.FIXTURES, AksArm.NODES.size())) {
            List<String> args = new ArrayList<>(aks.clusterArgs());
            args.addAll(more);
            EgressRunner.Outcome run = IngressRun.play(playbook, "inventory/azure", args, standIns, client.getConfiguration().getMasterUrl(),
                    prometheus.url(), aks.environment(), results);

            assertEquals(0, run.exitCode(), run.output());
            assertEquals(AksArm.createdAndDeleted(), aks.changes(), aks.stub().requests().toString());
            assertNull(client.namespaces().withName("metallb-system").get(), "no MetalLB on AKS");
            assertFalse(standIns.log().contains("docker ") || standIns.log().contains("kind "), standIns.log());
            assertEquals(List.of("100 0 0", "95 5 0", "75 25 0", "50 50 0", "25 75 0", "0 100 0", "50 50 40"),
                    controllers.routeWeightsSeen());
            assertEquals(12, CsvFiles.read(run.runDir().resolve("stages.csv")).size(), "two backends for each of the six stages");
            checks.check(run);
        }
        return standIns;
    }
}
