package cnibench.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cnibench.inventory.Host;
import cnibench.inventory.Inventory;
import cnibench.module.spi.FactScope;
import cnibench.template.Templar;
import cnibench.vars.VariableManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostStateWritesTest {
    @TempDir
    Path dir;

    private final Inventory inventory = new Inventory();
    private Host web1;
    private Host web2;
    private VariableManager variables;
    private HostStateWrites writes;

    @BeforeEach
    void setUp() {
        web1 = inventory.hostOrCreate("web1");
        web2 = inventory.hostOrCreate("web2");
        variables = new VariableManager(inventory, Map.of(), Map.of(), new Templar(), dir);
        writes = new HostStateWrites(variables);
    }

    @Test
    void aRegisteredResultSharedByRunOnceIsEveryHostsVariable() {
        writes.register(web1, "out", Map.of("rc", 0));
        writes.shareRegistered(web1, List.of(web2), "out");
        assertEquals(Map.of("rc", 0), variables.state(web2).runtimeVars().get("out"));
    }

    @Test
    void aFailureInRescueIsExposedAsAnsibleFailedVariables() {
        writes.exposeFailure(web1, Map.of("name", "boom"), Map.of("failed", true));
        assertEquals(Map.of("name", "boom"), variables.state(web1).runtimeVars().get("ansible_failed_task"));
        assertEquals(Map.of("failed", true), variables.state(web1).runtimeVars().get("ansible_failed_result"));
    }

    @Test
    void clearFactsForgetsGatheredFactsButNotRegisteredResults() {
        writes.setVariables(web1, FactScope.HOST_FACTS, Map.of("ansible_distribution", "Debian"));
        writes.register(web1, "out", Map.of());
        assertEquals("Debian", variables.state(web1).prefixedFacts().get("ansible_distribution"));
        writes.clearFacts(web1);
        assertNull(variables.state(web1).prefixedFacts().get("ansible_distribution"));
        assertEquals(Map.of(), variables.state(web1).runtimeVars().get("out"));
    }
}
