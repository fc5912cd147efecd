package cnibench.module.core;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/** ansible.builtin.template: renders a Jinja2 template with the task's variables to a file on the host. */
public final class TemplateModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = CommonFileArgs.addTo(ModuleSpec.builder("template").builtin()
            .description("Render a Jinja2 template (searched in templates/) with the task's variables into a file on the host.")
            .arg(ArgSpec.of("src", ArgType.PATH, "The template; relative names are searched in templates/.").asRequired())
            .arg(ArgSpec.of("dest", ArgType.PATH, "Where to write the rendered file; an existing directory receives it by the template's name.").asRequired())
            .arg(ArgSpec.of("backup", ArgType.BOOL, "Keep a date-stamped copy of a replaced file.").defaultValue(false))
            .arg(ArgSpec.of("force", ArgType.BOOL, "Replace a file whose content differs; false writes only when dest is missing.").defaultValue(true))
            .arg(ArgSpec.of("validate", ArgType.STR, "Command checking the new file before it is put in place; %s is its path."))
            .arg(ArgSpec.of("newline_sequence", ArgType.STR, "Line ending of the rendered file.").defaultValue("\n").choices("\n", "\r", "\r\n"))
            .arg(ArgSpec.of("output_encoding", ArgType.STR, "Encoding of the written file.").defaultValue("utf-8"))
            .arg(ArgSpec.of("follow", ArgType.BOOL, "Follow a symlink at dest.").defaultValue(false)))
            .checkMode().diff()
            .examples("""
                    - name: Render the iperf3 client job
                      ansible.builtin.template:
                        src: iperf3-client.yaml.j2
                        dest: /tmp/iperf3-client.yaml
                        mode: '0644'
                    """)
            .build();

    public TemplateModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext ctx, Arguments args) throws Exception {
        String srcName = args.str("src");
        Path src = ctx.findFile("templates", srcName);
        if (src == null || !Files.isRegularFile(src)) {
            return ModuleResult.failed("Could not find or access '" + srcName + "'");
        }
        String rendered = ctx.renderTemplateFile(src);
        String newline = args.str("newline_sequence");
        if (!newline.equals("\n")) {
            rendered = rendered.replace("\n", newline);
        }
        String dest = args.str("dest");
        Path destPath = ctx.connection().path(dest);
        if (dest.endsWith("/") || Files.isDirectory(destPath)) {
            dest = destPath.resolve(src.getFileName()).toString();
        }
        FileInstaller installer = new FileInstaller(ctx, args, FileAttributes.of(args));
        return installer.install(rendered.getBytes(Charset.forName(args.str("output_encoding", "utf-8"))), dest,
                src.toString(), src.toString());
    }
}
