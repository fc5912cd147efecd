package cnibench.module.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateModuleTest {
    @TempDir
    Path tmp;

    private final TemplateModule module = new TemplateModule();
    private TestModuleContext ctx;

    @BeforeEach
    void playbookWithTemplate() throws Exception {
        FileTree.write(tmp.resolve("play"), "templates/t.j2", "x={{ v }}\n");
        ctx = new TestModuleContext(tmp.resolve("play")).var("v", 5);
    }

    @Test
    void rendersAndIsIdempotent() throws Exception {
        String dest = tmp.resolve("t.out").toString();
        ModuleResult r = ctx.run(module, Args.of("src", "t.j2", "dest", dest));
        assertTrue(r.isChanged());
        assertEquals("x=5\n", Files.readString(Path.of(dest)));
        assertEquals("ff2db75bce78e5ec22e2093e36b7ee1317f8aa29", r.field("checksum"));
        assertEquals("f86ba96036257b98018637fe03b73452", r.field("md5sum"));
        assertEquals(4L, ((Number) r.field("size")).longValue());
        ModuleResult again = ctx.run(module, Args.of("src", "t.j2", "dest", dest));
        assertFalse(again.isChanged());
        assertEquals(dest, again.field("path"));
    }

    @Test
    void checkModeWithDiffWritesNothing() throws Exception {
        Path dest = tmp.resolve("t.out");
        ModuleResult r = ctx.check(true).diff(true).run(module, Args.of("src", "t.j2", "dest", dest.toString()));
        assertTrue(r.isChanged());
        assertEquals("", r.diff().get("before"));
        assertEquals("x=5\n", r.diff().get("after"));
        assertEquals(tmp.resolve("play/templates/t.j2").toString(), r.diff().get("after_header"));
        assertFalse(Files.exists(dest));
    }

    @Test
    void newlineSequenceAndMissingTemplate() throws Exception {
        Path dest = tmp.resolve("crlf.out");
        ctx.run(module, Args.of("src", "t.j2", "dest", dest.toString(), "newline_sequence", "\r\n"));
        assertEquals("x=5\r\n", Files.readString(dest));
        assertEquals("Could not find or access 'missing.j2'", ctx.run(module, Args.of("src", "missing.j2", "dest", dest.toString())).msg());
    }

    @Test
    void modeIsApplied() throws Exception {
        Path dest = tmp.resolve("m.out");
        assertEquals("0600", ctx.run(module, Args.of("src", "t.j2", "dest", dest.toString(), "mode", "0600")).field("mode"));
        ModuleResult r = ctx.run(module, Args.of("src", "t.j2", "dest", dest.toString(), "mode", "0640"));
        assertTrue(r.isChanged());
        assertEquals("0640", r.field("mode"));
    }
}
