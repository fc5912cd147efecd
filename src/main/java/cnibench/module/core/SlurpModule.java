package cnibench.module.core;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** ansible.builtin.slurp: a file's content, base64-encoded. */
public final class SlurpModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = ModuleSpec.builder("slurp").builtin()
            .description("Fetch a file from the host as base64 (decode with the b64decode filter).")
            .arg(ArgSpec.of("src", ArgType.PATH, "The file to read.").asRequired().aliases("path"))
            .checkMode()
            .examples("""
                    - name: Read the join token
                      ansible.builtin.slurp:
                        src: /etc/kubernetes/token
                      register: token
                    - ansible.builtin.debug:
                        msg: "{{ token.content | b64decode }}"
                    """)
            .build();

    public SlurpModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext ctx, Arguments args) throws Exception {
        String name = args.str("src");
        Path src = ctx.connection().path(name);
        if (!Files.exists(src)) {
            return ModuleResult.failed("file not found: " + name);
        }
        if (Files.isDirectory(src)) {
            return ModuleResult.failed("source is a directory and must be a file: " + name);
        }
        byte[] data;
        try {
            data = Files.readAllBytes(src);
        } catch (AccessDeniedException e) {
            return ModuleResult.failed("file is not readable: " + name);
        }
        return ModuleResult.ok()
                .put("content", Base64.getEncoder().encodeToString(data))
                .put("encoding", "base64")
                .put("source", name);
    }
}
