package cnibench.k8singress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.k8segress.EgressRunner;
import cnibench.k8segress.MockApiEndToEnd;
import cnibench.k8segress.FakePrometheus;
import cnibench.module.kubernetes.CrdSchemas;
import cnibench.module.kubernetes.ReferenceData;
import cnibench.module.kubernetes.StandIns;
import cnibench.report.CsvFiles;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The whole ingress-antrea and ingress-cilium playbooks through ./runner against fabric8's CRUD mock API server, with
 * recording stand-ins for kind, helm, docker and k6, fake Gateway API controllers ({@link IngressControllers}) and a
 * fake Prometheus API. The Gateway API v1.6.1 CRDs and MetalLB v0.16.1's manifest are the upstream files; the k6
 * stand-in answers with the split of the route generation the controller last saw, so stages.csv and mirror.csv are
 * computed by the real roles from a meaningful console log.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class IngressPlaybooksEndToEndTest extends MockApiEndToEnd {
    private static final List<String> STAGES = List.of("0", "5", "25", "50", "75", "100");
    private static final String STAGE_COLUMNS = "run,stage,canary_percent,label,responses,share,share_ci95_low,share_ci95_high,"
            + "expected_share,requests,errors,requests_per_s,latency_p50_ms,latency_p90_ms,latency_p99_ms,latency_max_ms,"
            + "latency_mean_ms,duration_s,start,end";
    private static final String MIRROR_COLUMNS = "run,mirror_percent,label,requests,mirrored,mirrored_share,share_ci95_low,"
            + "share_ci95_high,share_of_mirrored";
    /** The pool install_metallb carves from the stand-in's kind network (127.0.0.0/8): its first address is the Gateway's. */
    private static final Path ANTREA_MANIFEST = ReferenceData.file("antrea-v2.7.0/antrea.yml");
    private static final String POOL = "127.255.255.205-127.255.255.254";

    KubernetesMockServer server;
    KubernetesClient client;

    @BeforeEach
    void serveTheAnalyzersLog() {
        IngressRun.serveTheAnalyzersLog(server, tools);
    }

    @Test
    void antreaWithNginxGatewayFabricRunsEveryStageAndTheMirror() throws Exception {
        runStack("ingress-antrea.yml", List.of("-e", "antrea_manifest_path=" + ANTREA_MANIFEST), (run, standIns) -> {
            assertKindClusterOfListing9(standIns, false);
            assertTrue(standIns.log().contains("helm upgrade --install --reset-values ngf oci://ghcr.io/nginx/charts/nginx-gateway-fabric "
                    + "--namespace nginx-gateway --version 2.6.7 --create-namespace --values "), standIns.log());
            assertEquals(List.<Object>of(Map.of("nginx", Map.of("service", Map.of("type", "LoadBalancer")))), IngressRun.helmValues(standIns));
            assertNotNull(client.apps().deployments().inNamespace("kube-system").withName("antrea-controller").get(),
                    "the Antrea manifest was applied");
            assertGatewayObjects("nginx", "gateway.nginx.org/nginx-gateway-controller");
        });
    }

    @Test
    void ciliumInstallsGatewayApiCrdsFirstAndRunsEveryStageAndTheMirror() throws Exception {
        runStack("ingress-cilium.yml", List.of(), (run, standIns) -> {
            assertKindClusterOfListing9(standIns, true);
            assertTrue(standIns.log().contains("helm upgrade --install --reset-values cilium cilium --namespace kube-system "
                    + "--version 1.20.1 --repo https://helm.cilium.io/ --values "), standIns.log());
            assertEquals(List.<Object>of(Map.of("kubeProxyReplacement", true, "k8sServiceHost", "cnibench-control-plane",
                    "k8sServicePort", 6443, "bpf", Map.of("masquerade", true), "egressGateway", Map.of("enabled", false),
                    "ipam", Map.of("mode", "kubernetes"), "gatewayAPI", Map.of("enabled", true))), IngressRun.helmValues(standIns));
            assertTrue(run.output().indexOf("TASK [install_gateway_api_crds : Apply the Gateway API CRDs]")
                    < run.output().indexOf("TASK [install_cilium : "), "the Gateway API CRDs go in before Cilium:\n" + run.output());
            assertGatewayObjects("cilium", "io.cilium/gateway-controller");
        });
    }

    /** What a test checks of a successful run of one stack, beyond what both stacks share. */
    private interface StackChecks {
        void check(EgressRunner.Outcome run, StandIns standIns) throws Exception;
    }

    private void runStack(String playbook, List<String> more, StackChecks checks) throws Exception {
        StandIns standIns = IngressRun.standIns(tools, List.of("kind", "docker", "helm", "k6"));
        try (IngressControllers controllers = new IngressControllers(client, standIns);
             FakePrometheus prometheus = new FakePrometheus(EgressRunner.FIXTURES)) {
            EgressRunner.Outcome run = play(playbook, prometheus, standIns, more);

            assertEquals(0, run.exitCode(), run.output());
            checks.check(run, standIns);
            assertStagesMirrorAndReport(run, controllers, prometheus);
        }
    }

    @Test
    void badStagesStopTheRunWithAClearErrorBeforeAnythingIsCreated() throws Exception {
        StandIns standIns = IngressRun.standIns(tools, List.of("kind", "docker", "helm", "k6"));
        EgressRunner.Outcome run = EgressRunner.play("ingress-antrea.yml", List.of("-e", "{\"canary_stages\": [0, 150]}"), standIns,
                Map.of("MOCK_URL", mockUrl()), results);

        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("Bad ingress settings: canary_stages must be whole percents from 0 to 100, "
                + "e.g. [0, 5, 25, 50, 75, 100] (got [0, 150])"), run.output());
        assertFalse(standIns.log().contains("kind create"), standIns.log());
    }

    @Test
    void aK6OfAnotherMajorVersionIsRefusedBeforeAnythingIsCreated() throws Exception {
        StandIns standIns = IngressRun.standIns(tools, List.of("kind", "docker", "helm", "k6"));
        EgressRunner.Outcome run = EgressRunner.play("ingress-cilium.yml", List.of(), standIns,
                Map.of("MOCK_URL", mockUrl(), "K6_STANDIN_VERSION", "v0.57.0"), results);

        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("The benchmark is pinned to k6 v2.2.0 (its summary export and console output), but k6 says: "
                + "k6 v0.57.0 (commit/stand-in, go1.24.4, linux/amd64). Install k6 v2.2.0. Nothing was created."), run.output());
        assertEquals("kind version\ndocker info\nk6 version\n", standIns.log());
    }

    @Test
    void aFailingStageStillDeletesTheCluster() throws Exception {
        StandIns standIns = IngressRun.standIns(tools, List.of("kind", "docker", "helm", "k6"));
        try (IngressControllers controllers = new IngressControllers(client, standIns);
             FakePrometheus prometheus = new FakePrometheus(EgressRunner.FIXTURES)) {
            // The route sends 5 % to the canary, but the data plane (the k6 stand-in) answers only from stable.
            EgressRunner.Outcome run = play("ingress-cilium.yml", prometheus, standIns, List.of("-e", "{\"canary_stages\": [0, 25]}"),
                    Map.of("K6_STANDIN_CANARY", "0"));

            assertEquals(2, run.exitCode(), run.output());
            assertTrue(run.output().contains("Stage 25 %: the gateway's split is not the route's. Responses by backend: "
                    + "{'stable': 200, 'canary': 0, '(none)': 0}"), run.output());
            assertTrue(standIns.log().endsWith("kind delete cluster --name cnibench\n"), standIns.log());
            assertFalse(Files.exists(run.runDir().resolve("mirror.csv")));
        }
    }

    @Test
    void checkModePrintsThePlanAndCreatesNothing() throws Exception {
        StandIns standIns = IngressRun.standIns(tools, List.of("kind", "docker", "helm", "k6"));
        EgressRunner.Outcome run = EgressRunner.play("ingress-cilium.yml", List.of("--check"), standIns,
                Map.of("MOCK_URL", mockUrl()), results);

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("TASK [create_kind_cluster : Create the kind cluster]"), run.output());
        assertTrue(run.output().contains("TASK [install_metallb : Apply the MetalLB manifest]"), run.output());
        assertTrue(run.output().contains("TASK [run_canary_stages : Run each canary stage]"), run.output());
        assertFalse(standIns.log().contains("create cluster"), standIns.log());
        assertTrue(client.namespaces().list().getItems().isEmpty());
    }

    @Test
    void aMissingK6IsNamedBeforeAnythingIsCreated() throws Exception {
        StandIns standIns = IngressRun.standIns(tools, List.of("kind", "docker", "helm"));
        EgressRunner.Outcome run = EgressRunner.play("ingress-antrea.yml", List.of(), standIns, Map.of("MOCK_URL", mockUrl()), results);

        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("This benchmark needs k6 on PATH, which is missing: install it (see the README) "
                + "and run again. Nothing was created."), run.output());
        assertEquals("", standIns.log());
    }

    private EgressRunner.Outcome play(String playbook, FakePrometheus prometheus, StandIns standIns, List<String> more)
            throws Exception {
        return play(playbook, prometheus, standIns, more, Map.of());
    }

    private EgressRunner.Outcome play(String playbook, FakePrometheus prometheus, StandIns standIns, List<String> more,
                                      Map<String, String> env) throws Exception {
        return IngressRun.play(playbook, more, standIns, mockUrl(), prometheus.url(), env, results);
    }

    private void assertGatewayObjects(String gatewayClass, String controllerName) {
        GenericKubernetesResource pool = client.genericKubernetesResources("metallb.io/v1beta1", "IPAddressPool")
                .inNamespace("metallb-system").withName("kind-pool").get();
        assertEquals(Map.of("addresses", List.of(POOL)), pool.getAdditionalProperties().get("spec"));
        assertTrue(client.genericKubernetesResources("metallb.io/v1beta1", "L2Advertisement").inNamespace("metallb-system")
                .withName("kind-pool").get() != null);
        GenericKubernetesResource clazz = client.genericKubernetesResources(IngressControllers.GATEWAY_API, "GatewayClass")
                .withName(gatewayClass).get();
        assertEquals(Map.of("controllerName", controllerName), clazz.getAdditionalProperties().get("spec"));
        GenericKubernetesResource gateway = client.genericKubernetesResources(IngressControllers.GATEWAY_API, "Gateway")
                .inNamespace(IngressRun.NAMESPACE).withName("canary-gateway").get();
        assertEquals(gatewayClass, ((Map<?, ?>) gateway.getAdditionalProperties().get("spec")).get("gatewayClassName"));
        for (String app : List.of("stable", "canary", "analyzer")) {
            assertTrue(client.apps().deployments().inNamespace(IngressRun.NAMESPACE).withName(app).get() != null, app);
            assertTrue(client.services().inNamespace(IngressRun.NAMESPACE).withName(app).get() != null, app);
        }
    }

    private void assertStagesMirrorAndReport(EgressRunner.Outcome run, IngressControllers controllers, FakePrometheus prometheus)
            throws IOException, InterruptedException {
        Path dir = run.runDir();
        assertEquals(List.of("100 0 0", "95 5 0", "75 25 0", "50 50 0", "25 75 0", "0 100 0", "50 50 40"),
                controllers.routeWeightsSeen(), "each stage's generation, then the mirror's, reached the route controller");
        for (int generation = 1; generation <= 7; generation++) {
            Object route = new Load(LoadSettings.builder().build()).loadFromString(
                    Files.readString(dir.resolve("ingress/routes/" + generation + ".yaml")));
            assertEquals(List.of(), CrdSchemas.validate(ReferenceData.file("gateway-api-v1.6.1/httproutes-crd.yaml"), CrdSchemas.map(route)),
                    "route generation " + generation);
        }

        List<String> stagesCsv = Files.readAllLines(dir.resolve("stages.csv"));
        assertEquals(STAGE_COLUMNS, stagesCsv.get(0), "the lab's columns");
        List<Map<String, String>> stages = CsvFiles.read(dir.resolve("stages.csv"));
        assertEquals(12, stages.size(), stages.toString());
        assertEquals(STAGES, stages.stream().map(r -> r.get("canary_percent")).distinct().toList());
        Map<String, Map<String, String>> canary = stages.stream().filter(r -> r.get("label").equals("canary"))
                .collect(Collectors.toMap(r -> r.get("canary_percent"), r -> r));
        for (String percent : STAGES) {
            Map<String, String> row = canary.get(percent);
            double configured = Integer.parseInt(percent) / 100.0;
            assertEquals(configured, Double.parseDouble(row.get("expected_share")), 1e-9, row.toString());
            assertEquals(configured, Double.parseDouble(row.get("share")), 0.01, row.toString());
            assertEquals("200", row.get("requests"), row.toString());
            assertEquals("6.0", row.get("latency_p99_ms"), row.toString());
        }
        assertEquals("0", canary.get("0").get("responses"));
        assertEquals("0", stages.stream().filter(r -> r.get("label").equals("stable") && r.get("canary_percent").equals("100"))
                .findFirst().orElseThrow().get("responses"));

        String script = Files.readString(dir.resolve("k6/stage-1.js"));
        assertTrue(script.contains("http.get('http://127.255.255.205/', { headers: { Host: 'canary.kind.test' } })"), script);
        String mirrorScript = Files.readString(dir.resolve("k6/mirror.js"));
        assertTrue(mirrorScript.contains("'X-Cnibench-Request': request"), mirrorScript);

        assertEquals(MIRROR_COLUMNS, Files.readAllLines(dir.resolve("mirror.csv")).get(0), "the lab's columns");
        Map<String, Map<String, String>> mirror = CsvFiles.read(dir.resolve("mirror.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("label"), r -> r));
        assertEquals(List.of("stable", "canary", "all"), CsvFiles.read(dir.resolve("mirror.csv")).stream().map(r -> r.get("label")).toList());
        assertEquals("200", mirror.get("all").get("requests"));
        assertEquals("80", mirror.get("all").get("mirrored"), "the stand-in mirrors 40 of every 100 numbered requests");
        assertEquals(0.4, Double.parseDouble(mirror.get("all").get("mirrored_share")), 1e-9);
        assertEquals(200, Integer.parseInt(mirror.get("stable").get("requests")) + Integer.parseInt(mirror.get("canary").get("requests")));
        assertEquals(80, Integer.parseInt(mirror.get("stable").get("mirrored")) + Integer.parseInt(mirror.get("canary").get("mirrored")));
        assertEquals(1.0, Double.parseDouble(mirror.get("stable").get("share_of_mirrored"))
                + Double.parseDouble(mirror.get("canary").get("share_of_mirrored")), 1e-3);

        List<String> metrics = Files.readAllLines(dir.resolve("metrics.csv"));
        assertEquals("timestamp,path,repeat,node,metric,mode,device,value", metrics.get(0));
        for (String window : List.of("stage-0", "stage-100", "mirror")) {
            assertTrue(metrics.stream().anyMatch(l -> l.contains("," + window + ",1,")), window + " in " + metrics.get(1));
        }
        assertTrue(prometheus.queries().stream().anyMatch(q -> q.startsWith("/api/v1/query_range")));
        String report = Files.readString(dir.resolve("report.html"));
        assertTrue(report.contains("<html") && report.contains("on kind"), "report.html");
        assertReportComparesWithTheLab(dir);
    }

    /** `./runner report` puts the lab's ingress run (a copy of the report tests' fixture) and this run side by side. */
    private void assertReportComparesWithTheLab(Path run) throws IOException, InterruptedException {
        // a copy: the report writes transitions.csv beside each run's files
        Path lab = Files.createDirectories(results.resolve("ingress-lab/20261201T100000Z"));
        try (var files = Files.list(EgressRunner.PROJECT.resolve("src/test/resources/report/ingress-lab/20261201T100000Z"))) {
            for (Path file : files.toList()) {
                Files.copy(file, lab.resolve(file.getFileName()));
            }
        }
        Path comparison = results.resolve("comparison.html");
        Process report = new ProcessBuilder(EgressRunner.PROJECT.resolve("runner").toString(), "report", "-o", comparison.toString(),
                lab.toString(), run.toString()).directory(EgressRunner.PROJECT.toFile()).redirectErrorStream(true).start();
        String output = new String(report.getInputStream().readAllBytes());
        assertEquals(0, report.waitFor(), output);
        String html = Files.readString(comparison);
        String label = run.getParent().getFileName() + " " + run.getFileName();
        assertTrue(html.contains("<th>ingress-lab 20261201T100000Z</th><th>" + label + "</th>"), "both runs in one table:\n" + html);
    }

    private static void assertKindClusterOfListing9(StandIns standIns, boolean withoutKubeProxy) throws IOException {
        List<String> configs = standIns.kept("kind-config");
        assertEquals(1, configs.size(), standIns.log());
        Map<?, ?> config = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(configs.get(0));
        assertEquals(List.of("control-plane", "worker", "worker"),
                ((List<?>) config.get("nodes")).stream().map(n -> ((Map<?, ?>) n).get("role")).toList());
        assertEquals(List.of(Map.of("containerPort", 80, "hostPort", 80), Map.of("containerPort", 443, "hostPort", 443)),
                ((Map<?, ?>) ((List<?>) config.get("nodes")).get(0)).get("extraPortMappings"), "listing 9's ports");
        Map<?, ?> networking = (Map<?, ?>) config.get("networking");
        assertEquals(true, networking.get("disableDefaultCNI"));
        assertEquals(withoutKubeProxy ? "none" : null, networking.get("kubeProxyMode"));
        assertTrue(standIns.log().endsWith("kind delete cluster --name cnibench\n"), "teardown deletes the cluster last:\n" + standIns.log());
    }

    private String mockUrl() {
        return client.getConfiguration().getMasterUrl();
    }
}
