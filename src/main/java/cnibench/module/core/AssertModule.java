package cnibench.module.core;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import java.util.List;

/** ansible.builtin.assert: checks that conditions hold, failing on the first that does not. */
public final class AssertModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = ModuleSpec.builder("assert").builtin()
            .description("Asserts that given expressions are true, each evaluated as a when condition.")
            .checkMode()
            .arg(ArgSpec.of("that", ArgType.RAW, "A list of string expressions of the same form that can be passed to"
                    + " the when statement.").asRequired())
            .arg(ArgSpec.of("fail_msg", ArgType.RAW, "The customized message used for a failing assertion.").aliases("msg"))
            .arg(ArgSpec.of("success_msg", ArgType.RAW, "The customized message used for a successful assertion.")
                    .defaultValue("All assertions passed"))
            .arg(ArgSpec.of("quiet", ArgType.BOOL, "Set this to true to avoid verbose output.").defaultValue(false))
            .examples("""
                    - name: Check the cluster is ready
                      ansible.builtin.assert:
                        that:
                          - nodes.resources | length == 3
                          - egress_ip is defined
                        fail_msg: the cluster is not ready
                        success_msg: the cluster is ready
                    """)
            .build();

    public AssertModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext context, Arguments args) {
        Object that = args.raw("that");
        List<?> conditions = that instanceof List<?> list ? list : List.of(that);
        boolean quiet = args.bool("quiet");
        for (Object condition : conditions) {
            if (!evaluate(context, condition)) {
                ModuleResult failed = ModuleResult.changed(false).setFailed(true)
                        .put("evaluated_to", false)
                        .put("assertion", condition);
                verbose(failed, quiet);
                return Messages.set(failed, args.has("fail_msg") ? args.raw("fail_msg") : "Assertion failed");
            }
        }
        return Messages.set(verbose(ModuleResult.ok(), quiet), args.raw("success_msg"));
    }

    private static boolean evaluate(ModuleContext context, Object condition) {
        return condition instanceof Boolean b ? b : context.evaluate(String.valueOf(condition));
    }

    private static ModuleResult verbose(ModuleResult result, boolean quiet) {
        return quiet ? result : result.put("_ansible_verbose_always", true);
    }
}
