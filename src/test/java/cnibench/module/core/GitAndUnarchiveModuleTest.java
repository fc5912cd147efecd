package cnibench.module.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cnibench.connection.CommandRequest;
import cnibench.connection.LocalConnection;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** git against a local repository (clone, update to a new commit, check mode) and unarchive's change detection. */
class GitAndUnarchiveModuleTest {
    @TempDir
    Path tmp;

    private String sh(String script) throws Exception {
        var ran = new LocalConnection().exec(CommandRequest.shell(script, null).withChdir(tmp.toString()));
        assertEquals(0, ran.rc(), ran.stderr());
        return ran.stdout().strip();
    }

    private String commit(String text) throws Exception {
        return sh("cd origin && echo " + text + " > f && git add f && git -c user.email=t@e -c user.name=t commit -q -m "
                + text + " && git rev-parse HEAD");
    }

    @Test
    void clonesThenFollowsANewCommit() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/git")));
        sh("git init -q origin");
        String first = commit("one");
        var args = Args.of("repo", tmp.resolve("origin").toString(), "dest", tmp.resolve("clone").toString());
        ModuleResult cloned = new TestModuleContext(tmp).run(new GitModule(), args);
        assertTrue(cloned.isChanged());
        assertNull(cloned.field("before"));
        assertEquals(first, cloned.field("after"));
        assertFalse(new TestModuleContext(tmp).run(new GitModule(), args).isChanged());
        String second = commit("two");
        ModuleResult checked = new TestModuleContext(tmp).check(true).run(new GitModule(), args);
        assertTrue(checked.isChanged());
        assertEquals(first, sh("git -C clone rev-parse HEAD"));
        ModuleResult updated = new TestModuleContext(tmp).run(new GitModule(), args);
        assertTrue(updated.isChanged());
        assertEquals(first, updated.field("before"));
        assertEquals(second, updated.field("after"));
        assertEquals("two", Files.readString(tmp.resolve("clone/f")).strip());
    }

    @Test
    void unarchiveUnpacksOnceAndReportsAChangedFile() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tar")));
        sh("mkdir src out && echo a > src/a && tar czf t.tgz -C src a");
        var args = Args.of("src", tmp.resolve("t.tgz").toString(), "dest", tmp.resolve("out").toString(),
                "remote_src", true, "list_files", true);
        ModuleResult first = new TestModuleContext(tmp).run(new UnarchiveModule(), args);
        assertTrue(first.isChanged());
        assertEquals("TgzArchive", first.field("handler"));
        assertEquals(List.of("a"), first.field("files"));
        assertFalse(new TestModuleContext(tmp).run(new UnarchiveModule(), args).isChanged());
        Files.writeString(tmp.resolve("out/a"), "changed\n");
        assertTrue(new TestModuleContext(tmp).run(new UnarchiveModule(), args).isChanged());
        assertEquals("a\n", Files.readString(tmp.resolve("out/a")));
    }

    @Test
    void unarchiveRefusesAMissingDestination() throws Exception {
        sh("mkdir src && echo a > src/a && tar cf t.tar -C src a");
        ModuleResult r = new TestModuleContext(tmp).run(new UnarchiveModule(), Args.of("src", tmp.resolve("t.tar").toString(),
                "dest", tmp.resolve("nope").toString(), "remote_src", true));
        assertTrue(r.isFailed());
        assertEquals("Destination '" + tmp.resolve("nope") + "' is not a directory", r.msg());
    }
}
