package cnibench.module.core;

import cnibench.module.spi.AddedGroup;
import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import java.util.List;

/**
 * ansible.builtin.group_by: names a group to put the host in. The executor adds the host to
 * {@code add_group} under {@code parent_groups} and reports changed when the membership is new.
 */
public final class GroupByModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = ModuleSpec.builder("group_by").builtin()
            .description("Create inventory groups from a key (usually templated from facts) during the run.")
            .checkMode()
            .arg(ArgSpec.of("key", ArgType.STR, "The variables whose values will be used as groups.").asRequired())
            .arg(ArgSpec.of("parents", ArgType.RAW, "The list of the parent groups.").defaultValue(List.of("all")))
            .examples("""
                    - name: Group hosts by distribution
                      ansible.builtin.group_by:
                        key: os_{{ ansible_distribution }}
                        parents: linux
                    """)
            .build();

    public GroupByModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext context, Arguments args) {
        Object parents = args.raw("parents");
        List<?> parentList = parents instanceof List<?> list ? list : List.of(parents);
        return ModuleResult.ok().addGroup(new AddedGroup(args.str("key").replace(' ', '-'),
                parentList.stream().map(p -> String.valueOf(p).replace(' ', '-')).toList()));
    }
}
