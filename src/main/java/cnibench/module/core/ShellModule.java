package cnibench.module.core;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import java.util.List;

/** ansible.builtin.shell: runs a command line through /bin/sh (or the given executable). */
public final class ShellModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = CommandTask.commonArguments(ModuleSpec.builder("shell").builtin())
            .description("Execute shell commands on targets: the command line runs through /bin/sh -c, so pipes,"
                    + " redirections and variables work.")
            .arg(ArgSpec.of("executable", ArgType.PATH, "Change the shell used to execute the command (an absolute path)."))
            .examples("""
                    - name: Run a pipeline and keep its output
                      ansible.builtin.shell: ip -j addr | jq -r '.[].ifname'
                      register: ifaces

                    - name: Run with bash in a directory, only once
                      ansible.builtin.shell: set -o pipefail && ./configure | tee build.log
                      args:
                        executable: /bin/bash
                        chdir: /opt/src
                        creates: build.log
                    """)
            .build();

    public ShellModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext context, Arguments args) throws Exception {
        String text = CommandTask.commandText(args);
        ModuleResult notGiven = CommandTask.checkGiven(text, List.of());
        if (notGiven != null) {
            return notGiven;
        }
        return CommandTask.run(context, args, text, args.str("executable"), List.of());
    }
}
