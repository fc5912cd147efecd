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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KindClusterModuleTest {
    @TempDir
    Path tools;

    @TempDir
    Path project;

    private final KindClusterModule module = new KindClusterModule();
    private StandIns standIns;

    private TestModuleContext context(List<String> installed) throws Exception {
        standIns = StandIns.install(tools, StandInScripts.BY_TOOL, installed);
        return new TestModuleContext(project).env(standIns.environment());
    }

    private static final Map<String, Object> CONFIG = Map.of("kind", "Cluster", "apiVersion", "kind.x-k8s.io/v1alpha4",
            "networking", Map.of("disableDefaultCNI", true),
            "nodes", List.of(Map.of("role", "control-plane"), Map.of("role", "worker"), Map.of("role", "worker")));

    @Test
    void createsTheClusterOnceWithConfigImageAndKubeconfig() throws Exception {
        TestModuleContext context = context(List.of("kind", "docker"));
        String kubeconfig = project.resolve("kubeconfig").toString();
        Map<String, Object> args = Map.of("name", "bench", "config", CONFIG, "image", "kindest/node:v1.33.1",
                "kubeconfig", kubeconfig, "wait", 60);

        ModuleResult first = context.run(module, args);
        ModuleResult second = context.run(module, args);

        assertFalse(first.isFailed(), first.msg());
        assertTrue(first.isChanged());
        assertEquals("bench", first.field("name"));
        assertEquals(kubeconfig, first.field("kubeconfig"));
        String log = standIns.log();
        assertTrue(log.matches("(?s)kind get clusters\nkind create cluster --name bench --config \\S+ --image kindest/node:v1.33.1 "
                + "--kubeconfig " + kubeconfig + " --wait 60s\n--- config\n.*"), log);
        assertTrue(log.contains("disableDefaultCNI: true"), log);
        assertTrue(log.contains("- role: worker"), log);
        assertTrue(Files.exists(Path.of(kubeconfig)));
        assertFalse(second.isChanged());
        assertEquals(1, log.split("create cluster", -1).length - 1);
    }

    @Test
    void rendersTheConfigTemplate() throws Exception {
        Files.createDirectories(project.resolve("templates"));
        Files.writeString(project.resolve("templates/kind.yaml.j2"), """
                kind: Cluster
                apiVersion: kind.x-k8s.io/v1alpha4
                nodes:
                - role: control-plane
                {% for i in range(workers) %}
                - role: worker
                {% endfor %}
                """);
        TestModuleContext context = context(List.of("kind", "docker")).var("workers", 2);

        ModuleResult result = context.run(module, Map.of("name", "tpl", "config_template", "kind.yaml.j2"));

        assertFalse(result.isFailed(), result.msg());
        String log = standIns.log();
        assertEquals(2, log.split("- role: worker", -1).length - 1, log);
    }

    @Test
    void deletesAnExistingClusterAndIsUnchangedWhenItIsGone() throws Exception {
        TestModuleContext context = context(List.of("kind", "docker"));
        context.run(module, Map.of("name", "bench"));

        ModuleResult deleted = context.run(module, Map.of("name", "bench", "state", "absent"));
        ModuleResult again = context.run(module, Map.of("name", "bench", "state", "absent"));

        assertTrue(deleted.isChanged());
        assertTrue(standIns.log().contains("kind delete cluster --name bench"));
        assertFalse(again.isChanged());
    }

    @Test
    void checkModeCreatesNothing() throws Exception {
        TestModuleContext context = context(List.of("kind", "docker")).check(true);

        ModuleResult result = context.run(module, Map.of("name", "dry", "config", CONFIG));

        assertTrue(result.isChanged());
        assertFalse(standIns.log().contains("create"));
    }

    @Test
    void aMissingToolIsAClearErrorBeforeAnythingIsCreated() throws Exception {
        ModuleResult noKind = context(List.of("docker")).run(module, Map.of("name", "bench"));
        Files.delete(tools.resolve("docker"));
        ModuleResult noDocker = context(List.of("kind")).run(module, Map.of("name", "bench"));

        assertTrue(noKind.isFailed());
        assertEquals("kind_cluster needs the 'kind' command, which is not on PATH", noKind.msg());
        assertTrue(noDocker.isFailed());
        assertEquals("kind_cluster needs the 'docker' command, which is not on PATH", noDocker.msg());
        assertEquals("", standIns.log());
    }
}
