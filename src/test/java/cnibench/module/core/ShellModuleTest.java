package cnibench.module.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellModuleTest {
    @TempDir
    Path dir;

    @Test
    void runsThroughTheShell() throws Exception {
        ModuleResult r = new TestModuleContext(dir).run(new ShellModule(), Map.of("_raw_params", "echo hi; echo err >&2; exit 3"));
        assertEquals("echo hi; echo err >&2; exit 3", r.field("cmd"));
        assertEquals(3, r.field("rc"));
        assertEquals("hi", r.field("stdout"));
        assertEquals(List.of("err"), r.field("stderr_lines"));
        assertTrue(r.isFailed());
        assertTrue(r.isChanged());
        assertEquals("non-zero return code", r.msg());
    }

    @Test
    void usesTheExecutable() throws Exception {
        ModuleResult r = new TestModuleContext(dir).run(new ShellModule(), Map.of("cmd", "echo $0", "executable", "/bin/bash"));
        assertEquals("/bin/bash", r.field("stdout"));
        assertEquals("", r.msg());
    }

    @Test
    void checkModeSkips() throws Exception {
        ModuleResult r = new TestModuleContext(dir).check(true).run(new ShellModule(), Map.of("_raw_params", "echo hi"));
        assertTrue(r.isSkipped());
        assertEquals("echo hi", r.field("cmd"));
        assertEquals("Command would have run if not in check mode", r.msg());
    }
}
