package cnibench.module.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.Module;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lineinfile, blockinfile and replace, replaying sequences run against ansible 2.14. */
class TextFileModulesTest {
    @TempDir
    Path tmp;

    private ModuleResult run(Module module, Object... args) throws Exception {
        return new TestModuleContext(tmp).run(module, Args.of(args));
    }

    private static void assertResult(ModuleResult r, boolean changed, String msg) {
        assertEquals(changed, r.isChanged(), msg);
        assertEquals(msg, r.msg());
    }

    /** The first run changes the file with msg; the same run again finds nothing to do. */
    private void assertAppliesOnce(Module module, String msg, Object... args) throws Exception {
        assertResult(run(module, args), true, msg);
        assertResult(run(module, args), false, "");
    }

    @Test
    void lineinfileSequenceMatchesAnsible() throws Exception {
        Path f = Files.writeString(tmp.resolve("l.txt"), "a=1\nb=2\n# c=3\n");
        String p = f.toString();
        LineinfileModule m = new LineinfileModule();
        assertAppliesOnce(m, "line added", "path", p, "line", "x=9");
        assertAppliesOnce(m, "line replaced", "path", p, "regexp", "^b=", "line", "b=3");
        ModuleResult removed = run(m, "path", p, "regexp", "^b=", "state", "absent");
        assertResult(removed, true, "1 line(s) removed");
        assertEquals(1, removed.field("found"));
        assertEquals("", removed.field("backup"));
        assertEquals(0, run(m, "path", p, "regexp", "^b=", "state", "absent").field("found"));
        assertResult(run(m, "path", p, "line", "first", "insertbefore", "BOF"), true, "line added");
        assertResult(run(m, "path", p, "line", "afa", "insertafter", "^a="), true, "line added");
        assertResult(run(m, "path", p, "regexp", "^#\\s*c=(.*)", "line", "c=\\1", "backrefs", true), true, "line replaced");
        assertResult(run(m, "path", p, "regexp", "^zz(.*)", "line", "c=\\1", "backrefs", true), false, "");
        assertResult(run(m, "path", p, "search_string", "afa", "line", "AFA"), true, "line replaced");
        assertResult(run(m, "path", p, "search_string", "AFA", "state", "absent"), true, "1 line(s) removed");
        assertEquals("first\na=1\nc=3\nx=9\n", Files.readString(f));
    }

    private String lineinfile(String content, Object... args) throws Exception {
        Path f = Files.writeString(tmp.resolve("li.txt"), content);
        Object[] all = new Object[args.length + 2];
        all[0] = "path";
        all[1] = f.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        run(new LineinfileModule(), all);
        return Files.readString(f);
    }

    @Test
    void lineinfileInsertPositionsMatchAnsible() throws Exception {
        assertEquals("a\nb\nX\na\nc", lineinfile("a\nb\na\nc", "line", "X", "insertbefore", "^a"));
        assertEquals("X\na\nb\na\nc", lineinfile("a\nb\na\nc", "line", "X", "insertbefore", "^a", "firstmatch", true));
        assertEquals("a\nX\nb\na\nc", lineinfile("a\nb\na\nc", "line", "X", "insertafter", "^a", "firstmatch", true));
        assertEquals("a\nb\nX\na\nc", lineinfile("a\nb\na\nc", "line", "X", "regexp", "^zz", "insertafter", "^b"));
        assertEquals("a\nb\nX\nc\n", lineinfile("a\nb\nX\nc\n", "line", "X", "insertafter", "^b"));
        assertEquals("k=3\nk=2\n", lineinfile("k=1\nk=2\n", "line", "k=3", "regexp", "^k=", "firstmatch", true));
        assertEquals("X\n", lineinfile("", "line", "X", "insertbefore", "^nomatch"));
    }

    @Test
    void lineinfileMissingFileAndCreate() throws Exception {
        String p = tmp.resolve("nof.txt").toString();
        LineinfileModule m = new LineinfileModule();
        ModuleResult r = run(m, "path", p, "line", "x");
        assertEquals("Destination " + p + " does not exist !", r.msg());
        assertEquals(257, r.field("rc"));
        assertResult(run(m, "path", p, "line", "x", "create", true), true, "line added");
        assertResult(run(m, "path", p, "line", "x", "mode", "0600"), true, "ownership, perms or SE linux context changed");
        assertEquals("x\n", Files.readString(Path.of(p)));
    }

    @Test
    void lineinfileCheckModeAndDiff() throws Exception {
        Path f = Files.writeString(tmp.resolve("l.txt"), "a\n");
        ModuleResult r = new TestModuleContext(tmp).check(true).diff(true).run(new LineinfileModule(), Args.of("path", f.toString(), "line", "q"));
        assertResult(r, true, "line added");
        assertEquals("a\n", r.diff().get("before"));
        assertEquals("a\nq\n", r.diff().get("after"));
        assertEquals(f + " (content)", r.diff().get("before_header"));
        assertEquals("a\n", Files.readString(f));
    }

    @Test
    void blockinfileSequenceMatchesAnsible() throws Exception {
        Path f = Files.writeString(tmp.resolve("b.txt"), "line1\nline2\n");
        String p = f.toString();
        BlockinfileModule m = new BlockinfileModule();
        assertAppliesOnce(m, "Block inserted", "path", p, "block", "x\ny");
        assertResult(run(m, "path", p, "block", "x\nz", "insertbefore", "BOF"), true, "Block inserted");
        assertEquals("line1\nline2\n# BEGIN ANSIBLE MANAGED BLOCK\nx\nz\n# END ANSIBLE MANAGED BLOCK\n", Files.readString(f));
        assertAppliesOnce(m, "Block removed", "path", p, "state", "absent");
        assertEquals("line1\nline2\n", Files.readString(f));

        String p2 = tmp.resolve("b2.txt").toString();
        assertResult(run(m, "path", p2, "block", "q", "create", true), true, "File created");
        assertResult(run(m, "path", p2, "block", "q", "mode", "0600"), true, "ownership, perms or SE linux context changed");
        ModuleResult missing = run(m, "path", tmp.resolve("b3.txt").toString(), "block", "q");
        assertEquals("Path " + tmp.resolve("b3.txt") + " does not exist !", missing.msg());
        assertEquals(257, missing.field("rc"));
    }

    @Test
    void blockinfileCustomMarkersAndInsertBefore() throws Exception {
        Path f = Files.writeString(tmp.resolve("c.txt"), "a\nb\n");
        run(new BlockinfileModule(), "path", f.toString(), "block", "k", "marker", "// {mark} cni", "marker_begin", "start",
                "marker_end", "stop", "insertbefore", "^b");
        assertEquals("a\n// start cni\nk\n// stop cni\nb\n", Files.readString(f));
    }

    @Test
    void replaceSequenceMatchesAnsible() throws Exception {
        Path f = Files.writeString(tmp.resolve("r.txt"), "server=a\nport=1\n[x]\nserver=b\n");
        String p = f.toString();
        ReplaceModule m = new ReplaceModule();
        ModuleResult r = run(m, "path", p, "regexp", "^server=(.*)$", "replace", "server=new-\\1");
        assertResult(r, true, "2 replacements made");
        assertEquals(0, r.field("rc"));
        assertResult(run(m, "path", p, "regexp", "^server=(.*)$", "replace", "server=new-\\1"), true, "2 replacements made");
        assertResult(run(m, "path", p, "regexp", "^port=1", "replace", "port=2", "after", "zzz"), false,
                "Pattern for before/after params did not match the given file: zzz(?P<subsection>.*)");
        assertResult(run(m, "path", p, "regexp", "new", "replace", "old", "after", "\\[x\\]"), true, "2 replacements made");
        assertEquals("server=new-new-a\nport=1\n[x]\nserver=old-old-b\n", Files.readString(f));
        assertResult(run(m, "path", p, "regexp", "nothing-matches", "replace", "x"), false, "");
        assertEquals("Path " + tmp.resolve("nofile") + " does not exist !", run(m, "path", tmp.resolve("nofile").toString(), "regexp", "x").msg());
    }

    @Test
    void replaceNamedGroupsAndCheckMode() throws Exception {
        Path f = Files.writeString(tmp.resolve("n.txt"), "port=80\n");
        ModuleResult r = new TestModuleContext(tmp).check(true).run(new ReplaceModule(),
                Args.of("path", f.toString(), "regexp", "port=(?P<n>\\d+)", "replace", "port=\\g<n>80"));
        assertResult(r, true, "1 replacements made");
        assertEquals("port=80\n", Files.readString(f));
        run(new ReplaceModule(), "path", f.toString(), "regexp", "port=(?P<n>\\d+)", "replace", "port=\\g<n>80");
        assertEquals("port=8080\n", Files.readString(f));
        assertFalse(run(new ReplaceModule(), "path", f.toString(), "regexp", "port=8080", "replace", "port=8080").isChanged());
    }
}
