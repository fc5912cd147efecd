package cnibench.module.core;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;

/** ansible.builtin.ping: answers `pong` (or the data given); data=crash fails, as Ansible's raises. */
public final class PingModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = ModuleSpec.builder("ping").builtin()
            .description("Try to connect to the host and return pong on success.")
            .arg(ArgSpec.of("data", ArgType.STR, "Data to return as the ping result; 'crash' makes the module fail.")
                    .defaultValue("pong"))
            .checkMode()
            .examples("""
                    - name: Is the host there
                      ansible.builtin.ping:
                    """)
            .build();

    public PingModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext ctx, Arguments args) {
        String data = args.str("data");
        if (data.equals("crash")) {
            return ModuleResult.failed("boom");
        }
        return ModuleResult.ok().put("ping", data);
    }
}
