package cnibench.module.core;

import cnibench.connection.CommandRequest;
import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;

/** ansible.builtin.raw: runs a command line through the connection's shell, with no other processing. */
public final class RawModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = ModuleSpec.builder("raw").builtin()
            .description("Executes a low-down and dirty command through the shell of the connection; the result is"
                    + " just rc, stdout and stderr. In check mode the task is skipped.")
            .freeForm()
            .checkMode()
            .arg(ArgSpec.of("executable", ArgType.STR, "Change the shell used to execute the command (an absolute path)."))
            .examples("""
                    - name: Install python where it is missing
                      ansible.builtin.raw: test -e /usr/bin/python3 || (apt -y update && apt install -y python3-minimal)

                    - name: Run with bash
                      ansible.builtin.raw: cat < /tmp/*txt
                      args:
                        executable: /bin/bash
                    """)
            .build();

    public RawModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext context, Arguments args) throws Exception {
        if (context.checkMode()) {
            // what Ansible's raw action returns in check mode: skipped, no message
            return ModuleResult.skipped(null);
        }
        String text = args.str("_raw_params", "");
        return RawOutput.result(context.connection().exec(CommandRequest.shell(text, args.str("executable"))));
    }
}
