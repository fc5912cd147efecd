package cnibench.module.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ArgumentException;
import cnibench.module.spi.ArgumentValidator;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** debug, fail and assert, against the results ansible-playbook 2.14 registers. */
class MessageModulesTest {
    @TempDir
    Path dir;

    private TestModuleContext ctx() {
        return new TestModuleContext(dir).var("foo", "bar").var("lst", List.of(1, 2));
    }

    @Test
    void debugDefaultsToHelloWorld() throws Exception {
        assertEquals(Map.of("msg", "Hello world!", "changed", false, "failed", false, "_ansible_verbose_always", true),
                ctx().run(new DebugModule(), Map.of()).toMap());
    }

    @Test
    void debugShowsMessagesOfAnyType() throws Exception {
        assertEquals("hi bar", ctx().run(new DebugModule(), Map.of("msg", "hi bar")).toMap().get("msg"));
        assertEquals(List.of(1, 2), ctx().run(new DebugModule(), Map.of("msg", List.of(1, 2))).toMap().get("msg"));
    }

    @Test
    void debugShowsVariablesByName() throws Exception {
        Map<String, Object> r = ctx().run(new DebugModule(), Map.of("var", "lst")).toMap();
        assertEquals(List.of(1, 2), r.get("lst"));
        assertTrue(!r.containsKey("msg"));
        assertEquals("VARIABLE IS NOT DEFINED!", ctx().run(new DebugModule(), Map.of("var", "undefined_thing")).field("undefined_thing"));
    }

    @Test
    void debugIsSkippedBelowItsVerbosity() throws Exception {
        ModuleResult quiet = ctx().var("ansible_verbosity", 1).run(new DebugModule(), Map.of("var", "foo", "verbosity", "2"));
        assertTrue(quiet.isSkipped());
        assertEquals("Verbosity threshold not met.", quiet.field("skipped_reason"));
        assertEquals("bar", ctx().var("ansible_verbosity", 2).run(new DebugModule(), Map.of("var", "foo", "verbosity", "2")).field("foo"));
    }

    @Test
    void debugMsgAndVarExcludeEachOther() {
        assertThrows(ArgumentException.class,
                () -> ArgumentValidator.checkStatic(new DebugModule().spec(), Map.of("msg", "a", "var", "b")));
    }

    @Test
    void failUsesItsMessage() throws Exception {
        ModuleResult plain = ctx().run(new FailModule(), Map.of());
        assertEquals(Map.of("changed", false, "failed", true, "msg", "Failed as requested from task"), plain.toMap());
        assertEquals("boom", ctx().run(new FailModule(), Map.of("msg", "boom")).msg());
    }

    @Test
    void assertPasses() throws Exception {
        Map<String, Object> r = ctx().run(new AssertModule(), Map.of("that", List.of("1 == 1", "foo == 'bar'"))).toMap();
        assertEquals(Map.of("changed", false, "failed", false, "msg", "All assertions passed", "_ansible_verbose_always", true), r);
        assertEquals(Map.of("changed", false, "failed", false, "msg", "yay"),
                ctx().run(new AssertModule(), Map.of("that", "1 == 1", "success_msg", "yay", "quiet", true)).toMap());
    }

    @Test
    void assertReportsTheFirstFailingCondition() throws Exception {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("evaluated_to", false);
        expected.put("assertion", "1 == 2");
        expected.put("_ansible_verbose_always", true);
        expected.put("changed", false);
        expected.put("failed", true);
        expected.put("msg", "Assertion failed");
        assertEquals(expected, ctx().run(new AssertModule(), Map.of("that", "1 == 2")).toMap());
        ModuleResult custom = ctx().run(new AssertModule(), Map.of("that", List.of("1 == 1", "foo == 'baz'", "2 == 3"), "fail_msg", "custom"));
        assertEquals("foo == 'baz'", custom.field("assertion"));
        assertEquals("custom", custom.msg());
        assertEquals("m", ctx().run(new AssertModule(), Map.of("that", List.of(false), "msg", "m")).msg());
    }
}
