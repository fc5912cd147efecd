package cnibench.module.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawAndScriptModuleTest {
    @TempDir
    Path dir;

    @BeforeEach
    void writeScript() throws Exception {
        // not executable on purpose: Ansible makes its transferred copy executable
        FileTree.write(dir, "files/s.sh", "#!/bin/sh\necho \"args: $@\"; echo e >&2; pwd\n");
    }

    @Test
    void rawKeepsOutputAsReturned() throws Exception {
        Map<String, Object> r = new TestModuleContext(dir).run(new RawModule(), Map.of("_raw_params", "echo out; echo err >&2; exit 3")).toMap();
        assertEquals(3, r.get("rc"));
        assertEquals("out\n", r.get("stdout"));
        assertEquals(List.of("err"), r.get("stderr_lines"));
        assertEquals(true, r.get("failed"));
        assertEquals(true, r.get("changed"));
        assertEquals("non-zero return code", r.get("msg"));
        assertFalse(r.containsKey("cmd"));
    }

    @Test
    void rawInCheckModeIsSkipped() throws Exception {
        ModuleResult r = new TestModuleContext(dir).check(true).run(new RawModule(), Map.of("_raw_params", "echo hi"));
        assertTrue(r.isSkipped());
        assertNull(r.msg());
        assertEquals(Map.of("changed", false, "failed", false, "skipped", true), r.toMap());
    }

    @Test
    void scriptRunsWithArguments() throws Exception {
        ModuleResult r = new TestModuleContext(dir).run(new ScriptModule(), Map.of("_raw_params", "s.sh a 'b c'", "chdir", "/tmp"));
        assertEquals(0, r.field("rc"));
        assertEquals("args: a b c\n/tmp\n", r.field("stdout"));
        assertEquals("e\n", r.field("stderr"));
        assertTrue(r.isChanged());
        ModuleResult viaBash = new TestModuleContext(dir).run(new ScriptModule(), Map.of("cmd", "s.sh x", "executable", "/bin/bash"));
        assertEquals("args: x", ((List<?>) viaBash.field("stdout_lines")).get(0));
    }

    @Test
    void scriptCreatesRemovesAndCheckMode() throws Exception {
        ModuleResult created = new TestModuleContext(dir).run(new ScriptModule(), Map.of("_raw_params", "s.sh", "creates", "/etc/passwd"));
        assertTrue(created.isSkipped());
        assertEquals("/etc/passwd exists, matching creates option", created.msg());
        ModuleResult removed = new TestModuleContext(dir).run(new ScriptModule(), Map.of("_raw_params", "s.sh", "removes", "/nonexist"));
        assertEquals("/nonexist does not exist, matching removes option", removed.msg());
        ModuleResult checked = new TestModuleContext(dir).check(true).run(new ScriptModule(), Map.of("_raw_params", "s.sh"));
        assertEquals("Check mode is not supported for this task.", checked.msg());
        assertTrue(checked.isSkipped());
        ModuleResult checkedCreates = new TestModuleContext(dir).check(true).run(new ScriptModule(),
                Map.of("_raw_params", "s.sh", "creates", "/nonexist"));
        assertTrue(checkedCreates.isChanged());
    }

    @Test
    void scriptErrors() throws Exception {
        assertEquals("Could not find or access 'missing.sh'",
                new TestModuleContext(dir).run(new ScriptModule(), Map.of("_raw_params", "missing.sh")).msg());
        assertEquals("chdir tmp must be an absolute path for a Unix-aware remote node",
                new TestModuleContext(dir).run(new ScriptModule(), Map.of("_raw_params", "s.sh", "chdir", "tmp")).msg());
    }
}
