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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** include_vars against what ansible-playbook 2.14 returns for the same files. */
class IncludeVarsModuleTest {
    @TempDir
    Path base;
    Path vars;

    @BeforeEach
    void writeVars() throws Exception {
        vars = base.resolve("vars");
        FileTree.write(vars, "v1.yml", "a: 1\nb: [x]\n", "v2.yaml", "c: 3\n", "sub/v3.yml", "d: 4\n");
    }

    private ModuleResult run(Map<String, Object> args) throws Exception {
        return new TestModuleContext(base).run(new IncludeVarsModule(), args);
    }

    @Test
    void loadsOneFile() throws Exception {
        ModuleResult r = run(Map.of("_raw_params", "v1.yml"));
        assertEquals(Map.of("a", 1, "b", List.of("x")), r.facts());
        assertEquals(List.of(vars.resolve("v1.yml").toString()), r.field("ansible_included_var_files"));
        assertFalse(r.isChanged());
        assertEquals(Map.of("nm", Map.of("a", 1, "b", List.of("x"))), run(Map.of("file", "v1.yml", "name", "nm")).facts());
    }

    @Test
    void loadsADirectoryInSortedWalkOrder() throws Exception {
        ModuleResult all = run(Map.of("dir", "vars"));
        assertEquals(Map.of("a", 1, "b", List.of("x"), "c", 3, "d", 4), all.facts());
        assertEquals(List.of(vars.resolve("v1.yml").toString(), vars.resolve("v2.yaml").toString(),
                vars.resolve("sub/v3.yml").toString()), all.field("ansible_included_var_files"));
        assertEquals(Map.of("a", 1, "b", List.of("x"), "c", 3), run(Map.of("dir", "vars", "depth", 1)).facts());
        assertEquals(Map.of("c", 3), run(Map.of("dir", "vars", "depth", 1, "files_matching", "^v2")).facts());
        assertEquals(Map.of("c", 3, "d", 4), run(Map.of("dir", "vars", "ignore_files", List.of("v1.yml"))).facts());
    }

    @Test
    void failsOnUnknownExtensionsUnlessIgnored() throws Exception {
        Files.writeString(vars.resolve("skip.txt"), "z: 1\n");
        Map<String, Object> failed = run(Map.of("dir", "vars")).toMap();
        assertEquals(true, failed.get("failed"));
        assertEquals(vars.resolve("skip.txt") + " does not have a valid extension: yaml, yml, json", failed.get("message"));
        assertEquals(Map.of(), failed.get("ansible_facts"));
        assertEquals(List.of(), failed.get("ansible_included_var_files"));
        assertFalse(run(Map.of("dir", "vars", "ignore_unknown_extensions", true)).isFailed());
    }

    @Test
    void reportsMissingAndInvalidFiles() throws Exception {
        assertEquals("Could not find or access 'missing.yml'", run(Map.of("file", "missing.yml")).field("message"));
        Files.writeString(vars.resolve("list.yml"), "- 1\n");
        assertTrue(((String) run(Map.of("file", "list.yml")).field("message")).endsWith("list.yml must be stored as a dictionary/hash"));
        assertEquals("You are mixing file only and dir only arguments, these are incompatible",
                run(Map.of("file", "v1.yml", "dir", "vars")).msg());
    }

    @Test
    void mergesHashesWhenAsked() throws Exception {
        Files.writeString(vars.resolve("m.yml"), "cfg: {b: 2}\n");
        TestModuleContext ctx = new TestModuleContext(base).var("cfg", Map.of("a", 1));
        assertEquals(Map.of("cfg", Map.of("a", 1, "b", 2)),
                ctx.run(new IncludeVarsModule(), Map.of("file", "m.yml", "hash_behaviour", "merge")).facts());
        assertEquals(Map.of("cfg", Map.of("b", 2)), ctx.run(new IncludeVarsModule(), Map.of("file", "m.yml")).facts());
    }
}
