package cnibench.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.inventory.Host;
import cnibench.inventory.Inventory;
import cnibench.module.spi.AddedGroup;
import cnibench.module.spi.AddedHost;
import cnibench.module.spi.ModuleResult;
import cnibench.template.Templar;
import cnibench.vars.HostState;
import cnibench.vars.VariableManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultEffectsTest {
    @TempDir
    Path dir;

    private final Inventory inventory = new Inventory();
    private Host web1;
    private VariableManager variables;
    private ResultEffects effects;

    @BeforeEach
    void setUp() {
        web1 = inventory.hostOrCreate("web1");
        variables = new VariableManager(inventory, Map.of(), Map.of(), new Templar(), dir);
        effects = new ResultEffects(variables);
    }

    @Test
    void eachScopeLandsWhereItsPrecedenceSays() {
        effects.apply(web1, ModuleResult.ok().setFacts(Map.of("a", 1), false));
        effects.apply(web1, ModuleResult.ok().setFacts(Map.of("c", 3), true));
        effects.apply(web1, ModuleResult.ok().includedVars(Map.of("b", 2)));
        effects.apply(web1, ModuleResult.ok().hostFacts(Map.of("ansible_distribution", "Debian", "getent_passwd", Map.of())));
        HostState state = variables.state(web1);
        assertEquals(Map.of("a", 1, "c", 3), state.runtimeVars());
        assertEquals(Map.of("b", 2), state.includedVars());
        assertEquals("Debian", state.facts().get("distribution"));
        assertEquals(3, state.facts().get("c"));
        assertEquals(Map.of(), state.prefixedFacts().get("getent_passwd"));
    }

    @Test
    void aFailedResultChangesNothing() {
        effects.apply(web1, ModuleResult.failed("no").setFacts(Map.of("a", 1), false));
        assertNull(variables.state(web1).runtimeVars().get("a"));
    }

    @Test
    void hostsAndGroupsJoinTheInventory() {
        effects.apply(web1, ModuleResult.ok().addHost(new AddedHost("db1", List.of("dbs"), Map.of("port", 5432))));
        effects.apply(web1, ModuleResult.ok().addGroup(new AddedGroup("os_debian", List.of("all", "linux"))));
        Host db1 = inventory.host("db1");
        assertEquals(5432, db1.vars().get("port"));
        assertTrue(inventory.group("dbs").hosts().contains(db1));
        assertTrue(inventory.group("os_debian").hosts().contains(web1));
        assertTrue(inventory.group("linux").children().contains(inventory.group("os_debian")));
        assertFalse(inventory.group("os_debian").hosts().contains(db1));
    }
}
