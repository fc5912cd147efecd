package cnibench.module.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ArgumentException;
import cnibench.module.spi.ArgumentValidator;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** set_fact, add_host and group_by: modules whose results the executor applies to variables and inventory. */
class InventoryModulesTest {
    @TempDir
    Path dir;

    @Test
    void setFactTurnsBooleanWordsIntoBooleans() throws Exception {
        ModuleResult r = new TestModuleContext(dir).run(new SetFactModule(),
                Args.of("a", "1", "b", "yes", "c", "x y", "d", Map.of("k", "v")));
        assertEquals(Map.of("a", "1", "b", true, "c", "x y", "d", Map.of("k", "v")), r.facts());
        assertFalse(r.isChanged());
        assertFalse(r.cacheableFacts());
    }

    @Test
    void setFactCacheable() throws Exception {
        ModuleResult r = new TestModuleContext(dir).run(new SetFactModule(), Map.of("x", 1, "cacheable", "yes"));
        assertEquals(Map.of("x", 1), r.facts());
        assertTrue(r.cacheableFacts());
    }

    @Test
    void setFactAcceptsAnyNameAtLoadTime() {
        ArgumentValidator.checkStatic(new SetFactModule().spec(), Map.of("anything_at_all", 1));
    }

    @Test
    void setFactRejectsBadNames() throws Exception {
        assertEquals("The variable name '1bad' is not valid. Variables must start with a letter or underscore character,"
                + " and contain only letters, numbers and underscores.",
                new TestModuleContext(dir).run(new SetFactModule(), Map.of("1bad", "x")).msg());
        assertEquals("No key/value pairs provided, at least one is required for this action to succeed",
                new TestModuleContext(dir).run(new SetFactModule(), Map.of("cacheable", true)).msg());
    }

    @Test
    void addHostDescribesTheHost() throws Exception {
        ModuleResult r = new TestModuleContext(dir).run(new AddHostModule(),
                Args.of("name", "newhost", "groups", "g1, g2,g1", "foo", "1"));
        assertEquals(Map.of("host_name", "newhost", "groups", List.of("g1", "g2"), "host_vars", Map.of("foo", "1")),
                r.field("add_host"));
        ModuleResult aliased = new TestModuleContext(dir).run(new AddHostModule(), Map.of("hostname", "10.0.0.5:2222", "group", List.of("g3")));
        assertEquals(Map.of("host_name", "10.0.0.5", "groups", List.of("g3"), "host_vars", Map.of("ansible_ssh_port", 2222)),
                aliased.field("add_host"));
    }

    @Test
    void addHostNeedsAName() {
        assertThrows(ArgumentException.class, () -> new TestModuleContext(dir).run(new AddHostModule(), Map.of("groups", "g")));
    }

    @Test
    void groupByNamesTheGroup() throws Exception {
        ModuleResult r = new TestModuleContext(dir).run(new GroupByModule(), Map.of("key", "grp bar"));
        assertEquals("grp-bar", r.field("add_group"));
        assertEquals(List.of("all"), r.field("parent_groups"));
        assertEquals(List.of("p1", "p-2"),
                new TestModuleContext(dir).run(new GroupByModule(), Map.of("key", "k2", "parents", List.of("p1", "p 2"))).field("parent_groups"));
        assertEquals(List.of("a,b"),
                new TestModuleContext(dir).run(new GroupByModule(), Map.of("key", "k2", "parents", "a,b")).field("parent_groups"));
    }
}
