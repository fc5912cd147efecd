package cnibench.module.core;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.ArgumentException;
import cnibench.module.spi.ArgumentValidator;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ansible.builtin.validate_argument_spec: checks variables against an argument spec; the task the
 * loader puts first in a role that has meta/argument_specs.yml. Reports the first error it finds
 * (Ansible lists them all).
 */
public final class ValidateArgumentSpecModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = ModuleSpec.builder("validate_argument_spec").builtin()
            .description("Validate the variables of a role (or given arguments) against an argument spec.")
            .arg(ArgSpec.of("argument_spec", ArgType.DICT, "The options of the spec, as in meta/argument_specs.yml.").asRequired())
            .arg(ArgSpec.of("provided_arguments", ArgType.DICT, "Values to validate; variables of the same names otherwise."))
            .arg(ArgSpec.of("validate_args_context", ArgType.DICT, "Where the spec comes from, returned as it is."))
            .checkMode()
            .examples("""
                    - ansible.builtin.validate_argument_spec:
                        argument_spec:
                          port: {type: int, required: true}
                        provided_arguments:
                          port: 8080
                    """)
            .build();

    public ValidateArgumentSpecModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext ctx, Arguments args) {
        Map<String, Object> options = args.map("argument_spec");
        Map<String, Object> provided = new LinkedHashMap<>();
        for (String name : options.keySet()) {
            if (ctx.vars().containsKey(name)) {
                provided.put(name, ctx.template(ctx.vars().get(name)));
            }
        }
        provided.putAll(args.map("provided_arguments"));
        Map<String, Object> context = args.map("validate_args_context");
        try {
            ArgumentValidator.validate(specOf(options), provided);
        } catch (ArgumentException e) {
            return ModuleResult.failed("Validation of arguments failed:\n" + e.getMessage())
                    .put("argument_errors", List.of(e.getMessage()))
                    .put("argument_spec_data", options)
                    .put("validate_args_context", context);
        }
        return ModuleResult.ok().msg("The arg spec validation passed").put("validate_args_context", context);
    }

    /** The options as a module spec, so that they are checked as module arguments are. */
    private static ModuleSpec specOf(Map<String, Object> options) {
        ModuleSpec.Builder spec = ModuleSpec.builder("validate_argument_spec");
        options.forEach((name, value) -> {
            Map<?, ?> option = value instanceof Map<?, ?> m ? m : Map.of();
            ArgSpec arg = ArgSpec.of(name, type(option.get("type")), "");
            if (Boolean.TRUE.equals(option.get("required"))) {
                arg = arg.asRequired();
            }
            if (option.get("choices") instanceof List<?> choices) {
                arg = arg.choices(choices.stream().map(String::valueOf).toArray(String[]::new));
            }
            if (option.get("elements") != null) {
                arg = arg.elements(type(option.get("elements")));
            }
            if (option.get("aliases") instanceof List<?> aliases) {
                arg = arg.aliases(aliases.stream().map(String::valueOf).toArray(String[]::new));
            }
            spec.arg(arg);
        });
        return spec.build();
    }

    /** Ansible's type names; those cnibench does not check (bits, bytes, sid, ...) accept any value. */
    private static ArgType type(Object name) {
        if (name == null) {
            return ArgType.STR;
        }
        try {
            return ArgType.valueOf(String.valueOf(name).toUpperCase());
        } catch (IllegalArgumentException e) {
            return ArgType.RAW;
        }
    }
}
