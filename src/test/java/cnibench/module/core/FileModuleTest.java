package cnibench.module.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileModuleTest {
    @TempDir
    Path tmp;

    private final FileModule module = new FileModule();

    private ModuleResult run(TestModuleContext ctx, Object... args) throws Exception {
        return ctx.run(module, Args.of(args));
    }

    private ModuleResult run(Object... args) throws Exception {
        return run(new TestModuleContext(tmp), args);
    }

    @Test
    void createsDirectoriesWithModeOnEveryCreatedLevelAndIsIdempotent() throws Exception {
        Path dir = tmp.resolve("d1/d2");
        ModuleResult first = run("path", dir.toString(), "state", "directory", "mode", 0700);
        assertTrue(first.isChanged());
        assertEquals(Set.of("path", "uid", "gid", "owner", "group", "mode", "state", "size"), first.fields().keySet());
        assertEquals("directory", first.field("state"));
        assertEquals("0700", first.field("mode"));
        assertEquals("0700", FileMode.format(PathInfo.mode(tmp.resolve("d1"))));
        assertFalse(run("path", dir.toString(), "state", "directory", "mode", "0700").isChanged());
    }

    @Test
    void stateFileOnMissingPathFailsAsAnsible() throws Exception {
        String path = tmp.resolve("g").toString();
        ModuleResult r = run("path", path, "state", "file");
        assertTrue(r.isFailed());
        assertEquals("file (" + path + ") is absent, cannot continue", r.msg());
        assertEquals("absent", r.field("state"));
    }

    @Test
    void touchCreatesAndReportsDest() throws Exception {
        Path f = tmp.resolve("f");
        ModuleResult r = run("path", f.toString(), "state", "touch", "mode", "0600");
        assertTrue(r.isChanged());
        assertEquals(f.toString(), r.field("dest"));
        assertEquals("file", r.field("state"));
        assertEquals("0600", r.field("mode"));
        assertEquals(0L, ((Number) r.field("size")).longValue());
    }

    @Test
    void touchIntoMissingDirectoryFails() throws Exception {
        Path f = tmp.resolve("nodir/x");
        ModuleResult r = run("path", f.toString(), "state", "touch");
        assertEquals("Error, could not touch target: [Errno 2] No such file or directory: b'" + f + "'", r.msg());
    }

    @Test
    void symbolicModesChangeOnlyWhenDifferent() throws Exception {
        Path f = Files.createFile(tmp.resolve("f"));
        Files.setAttribute(f, "unix:mode", 0600);
        ModuleResult r = run("path", f.toString(), "mode", "u=rw,g=r,o=");
        assertTrue(r.isChanged());
        assertEquals("0640", r.field("mode"));
        assertEquals("0740", run("path", f.toString(), "mode", "u+x").field("mode"));
        assertFalse(run("path", f.toString(), "mode", "u+x").isChanged());
    }

    @Test
    void ownerAndGroupByNameOrIdAreUnchangedWhenEqual() throws Exception {
        Path f = Files.createFile(tmp.resolve("o"));
        String user = Files.getOwner(f).getName();
        String group = Files.readAttributes(f, java.nio.file.attribute.PosixFileAttributes.class).group().getName();
        assertFalse(run("path", f.toString(), "owner", user, "group", group).isChanged());
        assertFalse(run("path", f.toString(), "owner", String.valueOf(Files.getAttribute(f, "unix:uid"))).isChanged());
        assertEquals("chown failed: failed to look up user no-such-user-zz",
                org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                        () -> run("path", f.toString(), "owner", "no-such-user-zz")).getMessage());
    }

    @Test
    void directoryOverFileFails() throws Exception {
        Path f = Files.createFile(tmp.resolve("f"));
        ModuleResult r = run("path", f.toString(), "state", "directory");
        assertEquals(f + " already exists as a file", r.msg());
    }

    @Test
    void symlinkThenHardlinkThenAbsent() throws Exception {
        Path target = Files.writeString(tmp.resolve("target"), "x");
        Path link = tmp.resolve("ln");
        ModuleResult r = run("path", link.toString(), "src", target.toString(), "state", "link");
        assertTrue(r.isChanged());
        assertEquals("link", r.field("state"));
        assertEquals(target.toString(), r.field("src"));
        assertEquals("0777", r.field("mode"));
        assertEquals(target, Files.readSymbolicLink(link));
        assertFalse(run("path", link.toString(), "src", target.toString(), "state", "link").isChanged());

        Path hard = tmp.resolve("hl");
        ModuleResult h = run("path", hard.toString(), "src", target.toString(), "state", "hard");
        assertTrue(h.isChanged());
        assertEquals("hard", h.field("state"));
        assertTrue(Files.isSameFile(hard, target));

        ModuleResult gone = run("path", hard.toString(), "state", "absent");
        assertTrue(gone.isChanged());
        assertEquals(Map.of("path", hard.toString(), "state", "absent"), gone.fields());
        assertFalse(run("path", hard.toString(), "state", "absent").isChanged());
    }

    @Test
    void linkToMissingSourceNeedsForce() throws Exception {
        Path link = tmp.resolve("ln");
        ModuleResult r = run("path", link.toString(), "src", tmp.resolve("missing").toString(), "state", "link");
        assertEquals("src file does not exist, use \"force=yes\" if you really want to create the link: " + tmp.resolve("missing"), r.msg());
        assertTrue(run("path", link.toString(), "src", tmp.resolve("missing").toString(), "state", "link", "force", true).isChanged());
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void checkModeReportsButKeeps() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("d"));
        ModuleResult r = run(new TestModuleContext(tmp).check(true), "path", dir.toString(), "state", "absent");
        assertTrue(r.isChanged());
        assertEquals("directory", r.field("state"));
        assertTrue(Files.isDirectory(dir));
        assertTrue(run(new TestModuleContext(tmp).check(true), "path", tmp.resolve("new").toString(), "state", "directory").isChanged());
        assertFalse(Files.exists(tmp.resolve("new")));
    }

    @Test
    void diffShowsStateChange() throws Exception {
        String path = tmp.resolve("dd").toString();
        ModuleResult r = run(new TestModuleContext(tmp).diff(true), "path", path, "state", "directory");
        assertEquals(Map.of("path", path, "state", "absent"), r.diff().get("before"));
        assertEquals(Map.of("path", path, "state", "directory"), r.diff().get("after"));
    }

    @Test
    void recurseAppliesModeToContents() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("r/sub"));
        Path f = Files.createFile(dir.resolve("f"));
        assertTrue(run("path", tmp.resolve("r").toString(), "state", "directory", "recurse", true, "mode", "u=rwX,g=rX,o=").isChanged());
        assertEquals("0640", FileMode.format(PathInfo.mode(f)));
        assertEquals("0750", FileMode.format(PathInfo.mode(dir)));
    }

    @Test
    void touchWithExplicitTimeIsIdempotent() throws Exception {
        Path f = Files.createFile(tmp.resolve("t"));
        assertTrue(run("path", f.toString(), "state", "touch", "modification_time", "202001020304.05", "access_time", "preserve").isChanged());
        assertEquals(java.time.LocalDateTime.of(2020, 1, 2, 3, 4, 5).atZone(java.time.ZoneId.systemDefault()).toInstant(),
                Files.getLastModifiedTime(f).toInstant());
        assertFalse(run("path", f.toString(), "state", "file", "modification_time", "202001020304.05", "access_time", "preserve").isChanged());
    }
}
