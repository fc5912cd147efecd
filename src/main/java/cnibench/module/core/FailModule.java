package cnibench.module.core;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;

/** ansible.builtin.fail: fails the task with a message. */
public final class FailModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = ModuleSpec.builder("fail").builtin()
            .description("Fail with a custom message; useful with when to stop on a condition.")
            .checkMode()
            .arg(ArgSpec.of("msg", ArgType.RAW, "The customized message used for failing execution.")
                    .defaultValue("Failed as requested from task"))
            .examples("""
                    - name: Stop when the egress node has no address
                      ansible.builtin.fail:
                        msg: The egress node has no InternalIP
                      when: egress_ip | length == 0
                    """)
            .build();

    public FailModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext context, Arguments args) {
        return Messages.set(ModuleResult.changed(false).setFailed(true), args.raw("msg"));
    }
}
