package cnibench.module.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandModuleTest {
    @TempDir
    Path dir;

    private ModuleResult command(Map<String, Object> args) throws Exception {
        return new TestModuleContext(dir).run(new CommandModule(), args);
    }

    @Test
    void runsFreeFormWithShellQuoting() throws Exception {
        Map<String, Object> r = command(Map.of("_raw_params", "echo \"hello  world\" 'a b'")).toMap();
        assertEquals(List.of("echo", "hello  world", "a b"), r.get("cmd"));
        assertEquals(0, r.get("rc"));
        assertEquals("hello  world a b", r.get("stdout"));
        assertEquals(List.of("hello  world a b"), r.get("stdout_lines"));
        assertEquals("", r.get("stderr"));
        assertEquals(List.of(), r.get("stderr_lines"));
        assertEquals("", r.get("msg"));
        assertEquals(true, r.get("changed"));
        assertEquals(false, r.get("failed"));
        assertTrue(((String) r.get("delta")).matches("0:00:\\d\\d\\.\\d{6}"), (String) r.get("delta"));
        assertTrue(((String) r.get("start")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?"));
    }

    @Test
    void failsOnNonZeroRc() throws Exception {
        ModuleResult r = command(Map.of("cmd", "/bin/false"));
        assertTrue(r.isFailed());
        assertTrue(r.isChanged());
        assertEquals(1, r.field("rc"));
        assertEquals("non-zero return code", r.msg());
        assertEquals(List.of("/bin/false"), r.field("cmd"));
    }

    @Test
    void reportsMissingProgramAsAnsibleDoes() throws Exception {
        Map<String, Object> r = command(Map.of("_raw_params", "nonexistent_xyz arg")).toMap();
        assertEquals(true, r.get("failed"));
        assertEquals(false, r.get("changed"));
        assertEquals(2, r.get("rc"));
        assertEquals("nonexistent_xyz arg", r.get("cmd"));
        assertEquals("[Errno 2] No such file or directory: b'nonexistent_xyz'", r.get("msg"));
        assertFalse(r.containsKey("start"));
    }

    @Test
    void argvStdinAndChdir() throws Exception {
        ModuleResult r = command(Map.of("argv", List.of("cat"), "stdin", "x", "stdin_add_newline", false));
        assertEquals("x", r.field("stdout"));
        assertEquals(List.of("cat"), r.field("cmd"));
        assertEquals(dir.toRealPath().toString(), command(Map.of("_raw_params", "pwd", "chdir", dir.toString())).field("stdout"));
    }

    @Test
    void missingChdirFails() throws Exception {
        ModuleResult r = command(Map.of("_raw_params", "pwd", "chdir", "/nonexistent_dir"));
        assertTrue(r.isFailed());
        assertEquals("Unable to change directory before execution: [Errno 2] No such file or directory: b'/nonexistent_dir'", r.msg());
        assertNull(r.field("rc"));
    }

    @Test
    void createsAndRemovesSkipTheCommand() throws Exception {
        Files.writeString(dir.resolve("made.txt"), "x");
        ModuleResult created = command(Map.of("_raw_params", "echo hi", "creates", dir + "/*.txt"));
        assertFalse(created.isChanged());
        assertEquals(0, created.field("rc"));
        assertEquals("Did not run command since '" + dir + "/*.txt' exists", created.msg());
        assertEquals("skipped, since " + dir + "/*.txt exists", created.field("stdout"));
        assertNull(created.field("delta"));

        ModuleResult relative = command(Map.of("_raw_params", "echo hi", "creates", "made.txt", "chdir", dir.toString()));
        assertFalse(relative.isChanged());

        ModuleResult removed = command(Map.of("_raw_params", "echo hi", "removes", "/nonexistent"));
        assertEquals("Did not run command since '/nonexistent' does not exist", removed.msg());
        assertEquals(List.of("skipped, since /nonexistent does not exist"), removed.field("stdout_lines"));

        assertTrue(command(Map.of("_raw_params", "echo hi", "creates", dir + "/*.none")).isChanged());
    }

    @Test
    void checkMode() throws Exception {
        TestModuleContext ctx = new TestModuleContext(dir).check(true);
        ModuleResult plain = ctx.run(new CommandModule(), Map.of("_raw_params", "touch " + dir + "/x"));
        assertTrue(plain.isSkipped());
        assertFalse(plain.isChanged());
        assertEquals("Command would have run if not in check mode", plain.msg());
        assertEquals(0, plain.field("rc"));
        assertFalse(Files.exists(dir.resolve("x")));

        ModuleResult withCreates = ctx.run(new CommandModule(), Map.of("_raw_params", "echo", "creates", "/nonexistent"));
        assertTrue(withCreates.isChanged());
        assertFalse(withCreates.isSkipped());

        ModuleResult exists = ctx.run(new CommandModule(), Map.of("_raw_params", "echo", "creates", "/etc/passwd"));
        assertEquals("Would not run command since '/etc/passwd' exists", exists.msg());
    }

    @Test
    void argumentErrors() throws Exception {
        ModuleResult none = command(Map.of());
        assertEquals("no command given", none.msg());
        assertEquals(256, none.field("rc"));
        assertEquals("only command or argv can be given, not both",
                command(Map.of("_raw_params", "echo", "argv", List.of("echo"))).msg());
        ModuleResult warned = command(Map.of("_raw_params", "echo hi", "executable", "/bin/bash"));
        assertEquals(List.of("As of Ansible 2.4, the parameter 'executable' is no longer supported with the 'command' module."
                + " Not using '/bin/bash'."), warned.field("warnings"));
    }

    @Test
    void stripEmptyEnds() throws Exception {
        ModuleResult stripped = new TestModuleContext(dir).run(new ShellModule(), Map.of("_raw_params", "printf 'a\\n\\n\\n'"));
        assertEquals("a", stripped.field("stdout"));
        ModuleResult kept = new TestModuleContext(dir).run(new ShellModule(),
                Map.of("_raw_params", "printf 'a\\n\\n\\n'", "strip_empty_ends", false));
        assertEquals(List.of("a", ""), kept.field("stdout_lines"));
    }
}
