package cnibench.module.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelmModuleTest {
    @TempDir
    Path tools;

    @TempDir
    Path project;

    private final HelmModule module = new HelmModule();
    private StandIns standIns;
    private TestModuleContext context;

    private static final Map<String, Object> CILIUM = Map.of("name", "cilium", "chart_ref", "cilium",
            "chart_repo_url", "https://helm.cilium.io/", "chart_version", "1.16.1", "release_namespace", "kube-system",
            "values", Map.of("kubeProxyReplacement", true, "egressGateway", Map.of("enabled", true)), "wait", true);

    @BeforeEach
    void installStandIns() throws Exception {
        standIns = StandIns.install(tools, StandInScripts.BY_TOOL, List.of("helm"));
        context = new TestModuleContext(project).env(standIns.environment());
        Files.writeString(tools.resolve("release-after-upgrade.json"), """
                {"name":"cilium","namespace":"kube-system","revision":"1","updated":"2026-11-25 13:00:00","status":"deployed",\
                "chart":"cilium-1.16.1","app_version":"1.16.1"}""");
        Files.writeString(tools.resolve("values-after-upgrade.json"), "{\"egressGateway\":{\"enabled\":true},\"kubeProxyReplacement\":true}");
    }

    @Test
    void installsOnceWithValuesFileAndReportsStatus() throws Exception {
        ModuleResult first = context.run(module, CILIUM);
        ModuleResult second = context.run(module, CILIUM);

        assertFalse(first.isFailed(), first.msg());
        assertTrue(first.isChanged());
        String log = standIns.log();
        assertTrue(log.contains("helm list --all --output json --namespace kube-system --filter ^cilium$\n"), log);
        assertTrue(log.matches("(?s).*helm upgrade --install --reset-values cilium cilium --namespace kube-system --version 1.16.1 "
                + "--repo https://helm.cilium.io/ --values \\S+ --wait\n--- values\n.*"), log);
        assertTrue(log.contains("kubeProxyReplacement: true"), log);
        assertTrue(log.contains("egressGateway:\n  enabled: true"), log);
        assertTrue(String.valueOf(first.field("command")).contains("upgrade --install"));
        assertTrue(String.valueOf(first.field("stdout")).contains("has been upgraded"));
        assertEquals("deployed", ((Map<?, ?>) first.field("status")).get("status"));
        assertFalse(second.isFailed(), second.msg());
        assertFalse(second.isChanged(), "same chart version and values: nothing to do");
        assertEquals(1, standIns.log().split("helm upgrade", -1).length - 1);
    }

    @Test
    void upgradesWhenValuesOrVersionDiffer() throws Exception {
        context.run(module, CILIUM);
        Map<String, Object> newVersion = new java.util.HashMap<>(CILIUM);
        newVersion.put("chart_version", "1.17.0");
        Map<String, Object> newValues = new java.util.HashMap<>(CILIUM);
        newValues.put("values", Map.of("kubeProxyReplacement", false));

        assertTrue(context.run(module, newVersion).isChanged());
        assertTrue(context.run(module, newValues).isChanged());
        assertEquals(3, standIns.log().split("helm upgrade", -1).length - 1);
    }

    @Test
    void uninstallsAnExistingRelease() throws Exception {
        context.run(module, CILIUM);

        ModuleResult removed = context.run(module, Map.of("name", "cilium", "release_namespace", "kube-system", "state", "absent"));
        ModuleResult again = context.run(module, Map.of("name", "cilium", "release_namespace", "kube-system", "state", "absent"));

        assertTrue(removed.isChanged());
        assertTrue(standIns.log().contains("helm uninstall cilium --namespace kube-system\n"));
        assertFalse(again.isChanged());
    }

    @Test
    void aMissingHelmIsAClearError() throws Exception {
        Files.delete(tools.resolve("helm"));

        ModuleResult result = context.run(module, CILIUM);

        assertTrue(result.isFailed());
        assertEquals("helm needs the 'helm' command, which is not on PATH", result.msg());
    }

    @Test
    void binaryPathNamesTheExecutable() throws Exception {
        Path moved = Files.move(tools.resolve("helm"), project.resolve("helm-3"));
        ModuleResult result = context.run(module, Map.of("name", "cilium", "release_namespace", "kube-system", "state", "absent",
                "binary_path", moved.toString()));

        assertFalse(result.isFailed(), result.msg());
        assertTrue(standIns.log().startsWith("helm list"));
    }
}
