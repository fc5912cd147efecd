package cnibench.module.core;

import cnibench.connection.CommandResult;
import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import java.util.ArrayList;
import java.util.List;

/** ansible.builtin.group: a group present (groupadd, groupmod -g) or absent (groupdel), read with getent. */
public final class GroupModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = ModuleSpec.builder("group").builtin()
            .description("Add or remove groups.")
            .arg(ArgSpec.of("name", ArgType.STR, "Name of the group to manage.").asRequired())
            .arg(ArgSpec.of("gid", ArgType.INT, "Optional GID to set for the group."))
            .arg(ArgSpec.of("state", ArgType.STR, "Whether the group should be present or not.")
                    .choices("absent", "present").defaultValue("present"))
            .arg(ArgSpec.of("system", ArgType.BOOL, "Create a system group.").defaultValue(false))
            .arg(ArgSpec.of("local", ArgType.BOOL, "Use the local tools (lgroupadd); cnibench always uses groupadd.")
                    .defaultValue(false))
            .arg(ArgSpec.of("non_unique", ArgType.BOOL, "Allow a non-unique GID (with gid).").defaultValue(false))
            .checkMode()
            .examples("""
                    - name: The group of the benchmark user
                      ansible.builtin.group:
                        name: bench
                        state: present
                    """)
            .build();

    public GroupModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext ctx, Arguments args) throws Exception {
        String name = args.str("name");
        boolean present = args.str("state").equals("present");
        List<String> entry = entry(ctx, name);
        ModuleResult result;
        if (!present) {
            result = ModuleResult.changed(entry != null);
            if (entry != null && !ctx.checkMode()) {
                ModuleResult failed = run(ctx, List.of("groupdel", name));
                if (failed != null) {
                    return failed;
                }
            }
            return result.put("name", name).put("state", "absent");
        }
        Integer gid = args.integer("gid");
        List<String> argv = new ArrayList<>();
        if (entry == null) {
            argv.add("groupadd");
            if (args.bool("system")) {
                argv.add("-r");
            }
        } else if (gid != null && !String.valueOf(gid).equals(entry.get(2))) {
            argv.add("groupmod");
        }
        if (!argv.isEmpty() && gid != null) {
            argv.addAll(List.of("-g", String.valueOf(gid)));
            if (args.bool("non_unique")) {
                argv.add("-o");
            }
        }
        if (!argv.isEmpty() && !ctx.checkMode()) {
            argv.add(name);
            ModuleResult failed = run(ctx, argv);
            if (failed != null) {
                return failed;
            }
            entry = entry(ctx, name);
        }
        result = ModuleResult.changed(!argv.isEmpty()).put("name", name).put("state", "present")
                .put("system", args.bool("system"));
        if (entry != null) {
            result.put("gid", Integer.parseInt(entry.get(2)));
        } else if (gid != null) {
            result.put("gid", gid);
        }
        return result;
    }

    /** The group's getent fields (name, password, gid, members), or null when there is no such group. */
    private static List<String> entry(ModuleContext ctx, String name) throws Exception {
        CommandResult ran = HostCommand.run(ctx, List.of("getent", "group", name));
        return ran.ok() ? List.of(ran.stdout().strip().split(":", -1)) : null;
    }

    private static ModuleResult run(ModuleContext ctx, List<String> argv) throws Exception {
        CommandResult ran = HostCommand.run(ctx, argv);
        return ran.ok() ? null : ModuleResult.failed(ran.stderr().isBlank() ? ran.stdout() : ran.stderr()).put("rc", ran.rc());
    }
}
