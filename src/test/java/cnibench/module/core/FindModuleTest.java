package cnibench.module.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindModuleTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void tree() throws Exception {
        FileTree.write(tmp.resolve("sd"), "a", "1\n", "b.json", "{\"k\": 1}\n", ".hidden", "h\n", "sub/c.json", "x".repeat(2048));
        Files.setLastModifiedTime(tmp.resolve("sd/a"), FileTime.from(Instant.now().minus(10, ChronoUnit.DAYS)));
    }

    private ModuleResult find(Object... args) throws Exception {
        return new TestModuleContext(tmp).run(new FindModule(), Args.of(args));
    }

    @SuppressWarnings("unchecked")
    private static List<String> paths(ModuleResult r) {
        return ((List<Map<String, Object>>) r.field("files")).stream().map(f -> (String) f.get("path")).toList();
    }

    @Test
    void patternAtTopLevelWithAnsibleFields() throws Exception {
        String root = tmp.resolve("sd").toString();
        ModuleResult r = find("paths", root, "patterns", "a");
        assertFalse(r.isChanged());
        assertEquals(List.of(root + "/a"), paths(r));
        assertEquals(1, r.field("matched"));
        assertEquals(4, r.field("examined"));
        assertEquals("All paths examined", r.msg());
        assertEquals(Map.of(), r.field("skipped_paths"));
        @SuppressWarnings("unchecked")
        Map<String, Object> file = ((List<Map<String, Object>>) r.field("files")).get(0);
        assertEquals(FileMode.format(PathInfo.mode(tmp.resolve("sd/a"))), file.get("mode"));
        for (String key : List.of("atime", "ctime", "dev", "gid", "gr_name", "inode", "isblk", "ischr", "isdir", "isfifo", "isgid",
                "islnk", "isreg", "issock", "isuid", "mode", "mtime", "nlink", "path", "pw_name", "rgrp", "roth", "rusr", "size",
                "uid", "wgrp", "woth", "wusr", "xgrp", "xoth", "xusr")) {
            assertTrue(file.containsKey(key), key);
        }
        assertFalse(file.containsKey("exists"));
    }

    @Test
    void recurseGlobsRegexAndHidden() throws Exception {
        String root = tmp.resolve("sd").toString();
        assertEquals(List.of(root + "/b.json", root + "/sub/c.json"), paths(find("paths", root, "patterns", "*.json", "recurse", true)));
        assertEquals(List.of(root + "/b.json"), paths(find("paths", root, "patterns", "^b\\..*", "use_regex", true, "recurse", true)));
        assertEquals(List.of(root + "/.hidden", root + "/a", root + "/b.json"), paths(find("paths", root, "hidden", true)));
        assertEquals(List.of(root + "/a"), paths(find("paths", root, "excludes", "*.json")));
        assertEquals(List.of(root + "/sub"), paths(find("paths", root, "file_type", "directory")));
    }

    @Test
    void depthLimitsRecursion() throws Exception {
        String root = tmp.resolve("sd").toString();
        ModuleResult r = find("paths", root, "patterns", "*.json", "recurse", true, "depth", 1);
        assertEquals(List.of(root + "/b.json"), paths(r));
        assertEquals(5, r.field("examined"));
    }

    @Test
    void ageSizeAndContains() throws Exception {
        String root = tmp.resolve("sd").toString();
        assertEquals(List.of(root + "/a"), paths(find("paths", root, "age", "1w", "recurse", true)));
        assertEquals(List.of(root + "/sub/c.json"), paths(find("paths", root, "size", "1k", "recurse", true)));
        assertEquals(List.of(root + "/b.json"), paths(find("paths", root, "contains", "\\{\"k\"", "recurse", true)));
        assertEquals("failed to process age", find("paths", root, "age", "soon").msg());
    }

    @Test
    void missingPathIsSkippedWithWarning() throws Exception {
        String missing = tmp.resolve("nonex").toString();
        ModuleResult r = find("paths", missing);
        assertFalse(r.isFailed());
        assertEquals("Not all paths examined, check warnings for details", r.msg());
        assertEquals(Map.of(missing, "'" + missing + "' is not a directory"), r.field("skipped_paths"));
        assertEquals(0, r.field("matched"));
    }
}
