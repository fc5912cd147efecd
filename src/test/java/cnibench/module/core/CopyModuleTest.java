package cnibench.module.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyModuleTest {
    @TempDir
    Path tmp;

    private final CopyModule module = new CopyModule();
    private TestModuleContext ctx;

    @BeforeEach
    void playbookWithFiles() throws Exception {
        FileTree.write(tmp.resolve("play/files"), "src.txt", "hello\n", "tree/a", "1\n", "tree/sub/b", "2\n");
        ctx = new TestModuleContext(tmp.resolve("play"));
    }

    private ModuleResult run(Object... args) throws Exception {
        return ctx.run(module, Args.of(args));
    }

    @Test
    void copiesFileFoundInFilesWithAnsibleFields() throws Exception {
        String dest = tmp.resolve("d1.txt").toString();
        ModuleResult r = run("src", "src.txt", "dest", dest, "mode", 0600);
        assertTrue(r.isChanged());
        assertEquals(Set.of("dest", "src", "md5sum", "checksum", "uid", "gid", "owner", "group", "mode", "state", "size"), r.fields().keySet());
        assertEquals("f572d396fae9206628714fb2ce00f72e94f2258f", r.field("checksum"));
        assertEquals("b1946ac92492d2347c6235b4d2611184", r.field("md5sum"));
        assertEquals("0600", r.field("mode"));
        assertEquals(6L, ((Number) r.field("size")).longValue());
        assertEquals("file", r.field("state"));

        ModuleResult again = run("src", "src.txt", "dest", dest, "mode", 0600);
        assertFalse(again.isChanged());
        assertEquals(Set.of("checksum", "dest", "path", "uid", "gid", "owner", "group", "mode", "state", "size"), again.fields().keySet());
        assertEquals(dest, again.field("path"));
    }

    @Test
    void contentAndDiff() throws Exception {
        Path dest = tmp.resolve("d2.txt");
        Files.writeString(dest, "abcd");
        ModuleResult r = ctx.diff(true).run(module, Args.of("content", "abcde", "dest", dest.toString()));
        assertTrue(r.isChanged());
        assertEquals("03de6c570bfe24bfc328ccd7ca46b76eadaf4334", r.field("checksum"));
        assertEquals("abcd", r.diff().get("before"));
        assertEquals("abcde", r.diff().get("after"));
        assertEquals(dest.toString(), r.diff().get("before_header"));
        assertEquals("0644", FileMode.format(PathInfo.mode(dest)));
    }

    @Test
    void dictContentIsWrittenAsPythonJson() throws Exception {
        Path dest = tmp.resolve("c.json");
        run("content", java.util.Map.of("a", java.util.List.of(1, "x")), "dest", dest.toString());
        assertEquals("{\"a\": [1, \"x\"]}", Files.readString(dest));
    }

    @Test
    void missingSourceAndMissingDestinationDirectory() throws Exception {
        assertEquals("Could not find or access 'nope' on the Ansible Controller.\n"
                + "If you are using a module and expect the file to exist on the remote, see the remote_src option",
                run("src", "nope", "dest", tmp.resolve("x").toString()).msg());
        assertEquals("Source /nonexistent/nope not found", run("src", "/nonexistent/nope", "dest", tmp.resolve("x").toString(), "remote_src", true).msg());
        ModuleResult r = run("src", "src.txt", "dest", tmp.resolve("nodir/x").toString());
        assertEquals("Destination directory " + tmp.resolve("nodir") + " does not exist", r.msg());
        assertEquals("f572d396fae9206628714fb2ce00f72e94f2258f", r.field("checksum"));
    }

    @Test
    void trailingSlashDestCreatesDirectoryAndKeepsName() throws Exception {
        ModuleResult r = run("src", "src.txt", "dest", tmp.resolve("nodir/x") + "/");
        assertTrue(r.isChanged());
        assertEquals(tmp.resolve("nodir/x/src.txt").toString(), r.field("dest"));
        assertEquals("hello\n", Files.readString(tmp.resolve("nodir/x/src.txt")));
        assertEquals("can not use content with a dir as dest", run("content", "x", "dest", tmp + "/").msg());
    }

    @Test
    void directoryWithoutSlashCopiesTheDirectory() throws Exception {
        ModuleResult r = run("src", "tree", "dest", tmp.resolve("cd1").toString());
        assertTrue(r.isChanged());
        assertEquals(tmp.resolve("cd1") + "/", r.field("dest"));
        assertEquals("tree", r.field("src"));
        assertEquals("2\n", Files.readString(tmp.resolve("cd1/tree/sub/b")));
        assertFalse(run("src", "tree", "dest", tmp.resolve("cd1").toString()).isChanged());
    }

    @Test
    void directoryWithSlashCopiesItsContents() throws Exception {
        assertTrue(run("src", "tree/", "dest", tmp.resolve("cd2").toString()).isChanged());
        assertEquals("1\n", Files.readString(tmp.resolve("cd2/a")));
        assertEquals("2\n", Files.readString(tmp.resolve("cd2/sub/b")));
        assertFalse(run("src", "tree/", "dest", tmp.resolve("cd2").toString()).isChanged());
    }

    @Test
    void checkModeChangesNothing() throws Exception {
        Path dest = tmp.resolve("d3.txt");
        ModuleResult r = ctx.check(true).run(module, Args.of("content", "abc", "dest", dest.toString()));
        assertTrue(r.isChanged());
        assertTrue(r.fields().isEmpty());
        assertFalse(Files.exists(dest));
    }

    @Test
    void forceNoKeepsExistingAndBackupKeepsOld() throws Exception {
        Path dest = Files.writeString(tmp.resolve("d4.txt"), "old");
        ModuleResult kept = run("content", "zzz", "dest", dest.toString(), "force", false);
        assertFalse(kept.isChanged());
        assertEquals("old", Files.readString(dest));
        ModuleResult r = run("content", "zzz", "dest", dest.toString(), "backup", true);
        String backup = (String) r.field("backup_file");
        assertTrue(backup.matches(java.util.regex.Pattern.quote(dest.toString()) + "\\.\\d+\\.\\d{4}-\\d\\d-\\d\\d@\\d\\d:\\d\\d:\\d\\d~"));
        assertEquals("old", Files.readString(Path.of(backup)));
        assertEquals("zzz", Files.readString(dest));
    }

    @Test
    void validateRejectsAndLeavesDestination() throws Exception {
        Path dest = tmp.resolve("d6.txt");
        ModuleResult r = run("content", "zzz", "dest", dest.toString(), "validate", "grep -q y %s");
        assertTrue(r.isFailed());
        assertEquals("failed to validate", r.msg());
        assertEquals(1, r.field("exit_status"));
        assertFalse(Files.exists(dest));
        assertTrue(run("content", "zzz", "dest", dest.toString(), "validate", "grep -q z %s").isChanged());
    }

    @Test
    void remoteSourceFile() throws Exception {
        Path src = tmp.resolve("play/files/tree/a");
        ModuleResult r = run("src", src.toString(), "dest", tmp.resolve("d8.txt").toString(), "remote_src", true);
        assertEquals("e5fa44f2b31c1fb553b6021e7360d07d5d91ff5e", r.field("checksum"));
        assertEquals(src.toString(), r.field("src"));
        assertNull(r.field("backup_file"));
    }
}
