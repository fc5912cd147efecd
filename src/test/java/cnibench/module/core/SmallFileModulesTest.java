package cnibench.module.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** stat, slurp and tempfile against the fields Ansible returns. */
class SmallFileModulesTest {
    @TempDir
    Path tmp;

    @SuppressWarnings("unchecked")
    private Map<String, Object> stat(Object... args) throws Exception {
        return (Map<String, Object>) new TestModuleContext(tmp).run(new StatModule(), Args.of(args)).field("stat");
    }

    @Test
    void statOfRegularFile() throws Exception {
        Path f = Files.writeString(tmp.resolve("src.txt"), "hello\n");
        Files.setAttribute(f, "unix:mode", 0644);
        Map<String, Object> st = stat("path", f.toString());
        assertEquals(true, st.get("exists"));
        assertEquals(f.toString(), st.get("path"));
        assertEquals("0644", st.get("mode"));
        assertEquals(true, st.get("isreg"));
        assertEquals(false, st.get("isdir"));
        assertEquals(false, st.get("islnk"));
        assertEquals(6L, ((Number) st.get("size")).longValue());
        assertEquals("f572d396fae9206628714fb2ce00f72e94f2258f", st.get("checksum"));
        assertEquals(true, st.get("rusr"));
        assertEquals(false, st.get("xusr"));
        assertEquals(System.getProperty("user.name"), st.get("pw_name"));
        for (String key : List.of("uid", "gid", "gr_name", "mtime", "atime", "ctime", "inode", "dev", "nlink", "readable", "writeable", "executable")) {
            assertTrue(st.containsKey(key), key);
        }
        if (Files.isExecutable(Path.of("/usr/bin/file"))) {
            assertEquals("text/plain", st.get("mimetype"));
            assertEquals("us-ascii", st.get("charset"));
        }
        assertEquals("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03",
                stat("path", f.toString(), "checksum_algorithm", "sha256").get("checksum"));
    }

    @Test
    void statOfLinkWithAndWithoutFollow() throws Exception {
        Path target = Files.writeString(tmp.resolve("t"), "");
        Path link = Files.createSymbolicLink(tmp.resolve("ln"), target);
        Map<String, Object> st = stat("path", link.toString());
        assertEquals(true, st.get("islnk"));
        assertEquals("0777", st.get("mode"));
        assertEquals(target.toString(), st.get("lnk_source"));
        assertEquals(target.toString(), st.get("lnk_target"));
        assertFalse(st.containsKey("checksum"));
        Map<String, Object> followed = stat("path", link.toString(), "follow", true);
        assertEquals(true, followed.get("isreg"));
        assertEquals("da39a3ee5e6b4b0d3255bfef95601890afd80709", followed.get("checksum"));
    }

    @Test
    void statOfMissingPath() throws Exception {
        assertEquals(Map.of("exists", false), stat("path", tmp.resolve("nope").toString()));
    }

    @Test
    void slurp() throws Exception {
        Path f = Files.writeString(tmp.resolve("src.txt"), "hello\n");
        ModuleResult r = new TestModuleContext(tmp).run(new SlurpModule(), Args.of("src", f.toString()));
        assertEquals(Map.of("content", "aGVsbG8K", "encoding", "base64", "source", f.toString()), r.fields());
        assertFalse(r.isChanged());
        assertEquals("file not found: " + tmp.resolve("nope"),
                new TestModuleContext(tmp).run(new SlurpModule(), Args.of("src", tmp.resolve("nope").toString())).msg());
        assertEquals("source is a directory and must be a file: " + tmp,
                new TestModuleContext(tmp).run(new SlurpModule(), Args.of("path", tmp.toString())).msg());
    }

    @Test
    void tempfileAndTempdir() throws Exception {
        ModuleResult file = new TestModuleContext(tmp).run(new TempfileModule(), Args.of("path", tmp.toString(), "prefix", "p", "suffix", ".s"));
        assertTrue(file.isChanged());
        String name = (String) file.field("path");
        assertTrue(Path.of(name).getFileName().toString().matches("p.+\\.s"), name);
        assertEquals("0600", file.field("mode"));
        assertEquals("file", file.field("state"));
        ModuleResult dir = new TestModuleContext(tmp).run(new TempfileModule(), Args.of("state", "directory", "path", tmp.toString(), "suffix", "x"));
        assertEquals("0700", dir.field("mode"));
        assertEquals("directory", dir.field("state"));
        assertTrue(Path.of((String) dir.field("path")).getFileName().toString().matches("ansible\\..+x"));
    }
}
