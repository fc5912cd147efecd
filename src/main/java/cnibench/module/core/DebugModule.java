package cnibench.module.core;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import cnibench.template.UndefinedVariableError;
import java.util.List;
import java.util.Map;

/**
 * ansible.builtin.debug: prints a message or a variable. Below its {@code verbosity} it is skipped, as
 * Ansible's debug action decides once the arguments are templated.
 */
public final class DebugModule extends FixedSpecModule {
    static final String NOT_DEFINED = "VARIABLE IS NOT DEFINED!";

    private static final ModuleSpec SPEC = ModuleSpec.builder("debug").builtin()
            .description("Print statements during execution: a message, or the value of a variable or expression.")
            .checkMode()
            .showsOnlyOutput()
            .arg(ArgSpec.of("msg", ArgType.RAW, "The customized message that is printed.").defaultValue("Hello world!"))
            .arg(ArgSpec.of("var", ArgType.RAW, "A variable name or expression to show (without {{ }})."))
            .arg(ArgSpec.of("verbosity", ArgType.INT, "The verbosity (number of -v) from which the output is shown.")
                    .defaultValue(0))
            .mutuallyExclusive("msg", "var")
            .examples("""
                    - name: Print a message
                      ansible.builtin.debug:
                        msg: System {{ inventory_hostname }} has gateway {{ ansible_default_ipv4.gateway }}

                    - name: Show a registered result with -vv only
                      ansible.builtin.debug:
                        var: result
                        verbosity: 2
                    """)
            .build();

    public DebugModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext context, Arguments args) {
        int verbosity = args.integer("verbosity");
        if (verbosity > runVerbosity(context)) {
            return ModuleResult.skipped(null).put("skipped_reason", "Verbosity threshold not met.");
        }
        ModuleResult result = ModuleResult.ok();
        Object var = args.raw("var");
        if (var == null) {
            Messages.set(result, args.raw("msg"));
        } else if (var instanceof List<?> || var instanceof Map<?, ?>) {
            // Ansible keys a list or dict by its Python type name
            result.put(var instanceof List<?> ? "<class 'list'>" : "<class 'dict'>", var);
        } else {
            result.put(String.valueOf(var), valueOf(context, String.valueOf(var)));
        }
        return result.put("_ansible_verbose_always", true);
    }

    private static Object valueOf(ModuleContext context, String expression) {
        try {
            return context.template("{{ " + expression + " }}");
        } catch (UndefinedVariableError e) {
            // with -v Ansible adds the error, which it words twice (lookup of the name, then templating)
            return runVerbosity(context) > 0
                    ? NOT_DEFINED + ": " + e.getMessage() + ". " + e.getMessage() : NOT_DEFINED;
        }
    }

    /** The number of -v the run was started with. */
    private static int runVerbosity(ModuleContext context) {
        return context.vars().get("ansible_verbosity") instanceof Number n ? n.intValue() : 0;
    }
}
