package cnibench.module.core;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import cnibench.python.AnsibleBoolean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** ansible.builtin.set_fact: sets host variables; every argument but cacheable is a variable. */
public final class SetFactModule extends FixedSpecModule {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final List<String> BOOLEAN_WORDS = List.of("true", "false", "yes", "no");

    private static final ModuleSpec SPEC = ModuleSpec.builder("set_fact").builtin()
            .description("Set host variables (facts) that later tasks of the play can use; any argument name is a"
                    + " variable name.")
            .checkMode()
            .acceptsAnyArgument()
            .arg(ArgSpec.of("cacheable", ArgType.BOOL, "Whether the facts are also added to the fact cache.")
                    .defaultValue(false))
            .examples("""
                    - name: Remember the egress address
                      ansible.builtin.set_fact:
                        egress_ip: "{{ nodes.resources[0].status.addresses[0].address }}"
                        egress_ready: true
                    """)
            .build();

    public SetFactModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext context, Arguments args) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : args.asMap().entrySet()) {
            String name = e.getKey();
            if (name.equals("cacheable") || name.startsWith("_ansible")) {
                continue;
            }
            if (!IDENTIFIER.matcher(name).matches()) {
                return ModuleResult.failed("The variable name '" + name + "' is not valid. Variables must start with a letter"
                        + " or underscore character, and contain only letters, numbers and underscores.");
            }
            facts.put(name, asFactValue(e.getValue()));
        }
        if (facts.isEmpty()) {
            return ModuleResult.failed("No key/value pairs provided, at least one is required for this action to succeed");
        }
        return ModuleResult.ok().setFacts(facts, args.bool("cacheable"));
    }

    /** As Ansible without jinja2_native: the strings true/false/yes/no become booleans. */
    private static Object asFactValue(Object value) {
        if (value instanceof String s && BOOLEAN_WORDS.contains(s.toLowerCase())) {
            return AnsibleBoolean.parse(s, false);
        }
        return value;
    }
}
