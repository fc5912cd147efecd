package cnibench.module.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ArgumentException;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PauseModuleTest {
    @TempDir
    Path dir;

    @Test
    void pausesForSeconds() throws Exception {
        TestModuleContext ctx = new TestModuleContext(dir);
        long start = System.nanoTime();
        ModuleResult r = ctx.run(new PauseModule(), Map.of("seconds", 0, "prompt", "hello"));
        assertTrue(System.nanoTime() - start >= 1_000_000_000L, "seconds below 1 pause for 1 second, as in Ansible");
        assertTrue(((String) r.field("stdout")).matches("Paused for 1\\.\\d+ seconds"), (String) r.field("stdout"));
        assertEquals(1, r.field("delta"));
        assertEquals(0, r.field("rc"));
        assertEquals("", r.field("user_input"));
        assertEquals(true, r.field("echo"));
        assertEquals(List.of("Pausing for 1 seconds", "hello:"), ctx.progressMessages());
    }

    @Test
    void doesNotWaitForAPromptWithoutATerminal() throws Exception {
        TestModuleContext ctx = new TestModuleContext(dir);
        Map<String, Object> r = ctx.run(new PauseModule(), Map.of("prompt", "Continue?", "echo", false)).toMap();
        assertEquals("Paused for 0.0 minutes", r.get("stdout"));
        assertEquals(0, r.get("delta"));
        assertEquals(false, r.get("echo"));
        assertEquals(false, r.get("changed"));
        assertEquals(List.of("Not waiting for response to prompt as stdin is not interactive"), r.get("warnings"));
        assertEquals(List.of("Continue? (output is hidden):"), ctx.progressMessages());
    }

    @Test
    void minutesAndSecondsExcludeEachOther() {
        assertThrows(ArgumentException.class, () -> new TestModuleContext(dir).run(new PauseModule(), Map.of("minutes", 1, "seconds", 1)));
    }
}
