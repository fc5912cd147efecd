package cnibench.module.core;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** ansible.builtin.tempfile: creates a uniquely named temporary file or directory (0600 / 0700). */
public final class TempfileModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = ModuleSpec.builder("tempfile").builtin()
            .description("Create a temporary file or directory; its name is returned in path. Not supported in check mode.")
            .arg(ArgSpec.of("state", ArgType.STR, "Create a file or a directory.").defaultValue("file").choices("directory", "file"))
            .arg(ArgSpec.of("path", ArgType.PATH, "Directory to create it in; defaults to the system's temporary directory."))
            .arg(ArgSpec.of("prefix", ArgType.STR, "Start of the name.").defaultValue("ansible."))
            .arg(ArgSpec.of("suffix", ArgType.STR, "End of the name.").defaultValue(""))
            .examples("""
                    - name: Scratch directory for rendered manifests
                      ansible.builtin.tempfile:
                        state: directory
                        suffix: manifests
                      register: scratch
                    """)
            .build();

    public TempfileModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext ctx, Arguments args) throws Exception {
        Path dir = ctx.connection().path(args.str("path", System.getProperty("java.io.tmpdir")));
        String prefix = args.str("prefix");
        String suffix = args.str("suffix");
        Path created;
        try {
            created = args.str("state").equals("directory")
                    ? Files.createTempDirectory(dir, prefix)
                    : Files.createTempFile(dir, prefix, suffix);
            if (args.str("state").equals("directory") && !suffix.isEmpty()) {
                created = Files.move(created, created.resolveSibling(created.getFileName() + suffix));
            }
        } catch (IOException e) {
            return ModuleResult.failed(FileModule.errno(e, dir));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("path", created.toString());
        return ModuleResult.changed(true).putAll(PathInfo.addTo(fields));
    }
}
