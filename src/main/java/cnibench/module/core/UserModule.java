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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * ansible.builtin.user: a user account present (useradd, or usermod for what differs) or absent
 * (userdel), read with getent passwd, group and shadow.
 */
public final class UserModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = ModuleSpec.builder("user").builtin()
            .description("Manage user accounts.")
            .arg(ArgSpec.of("name", ArgType.STR, "Name of the user to create, remove or modify.").asRequired().aliases("user"))
            .arg(ArgSpec.of("state", ArgType.STR, "Whether the account should exist or not.")
                    .choices("absent", "present").defaultValue("present"))
            .arg(ArgSpec.of("uid", ArgType.INT, "The UID of the user."))
            .arg(ArgSpec.of("group", ArgType.STR, "The user's primary group."))
            .arg(ArgSpec.of("groups", ArgType.LIST, "Supplementary groups; an empty list removes all but the primary.")
                    .elements(ArgType.STR))
            .arg(ArgSpec.of("append", ArgType.BOOL, "Add the groups to the ones the user has instead of replacing them.")
                    .defaultValue(false))
            .arg(ArgSpec.of("comment", ArgType.STR, "The description (GECOS) of the account."))
            .arg(ArgSpec.of("home", ArgType.PATH, "The user's home directory."))
            .arg(ArgSpec.of("shell", ArgType.STR, "The user's shell."))
            .arg(ArgSpec.of("password", ArgType.STR, "The crypted password (see the password_hash filter).").asNoLog())
            .arg(ArgSpec.of("update_password", ArgType.STR, "always updates the password, on_create only for new users.")
                    .choices("always", "on_create").defaultValue("always"))
            .arg(ArgSpec.of("system", ArgType.BOOL, "Create a system account.").defaultValue(false))
            .arg(ArgSpec.of("create_home", ArgType.BOOL, "Create the home directory of a new user.").defaultValue(true)
                    .aliases("createhome"))
            .arg(ArgSpec.of("move_home", ArgType.BOOL, "Move the home directory to the new home.").defaultValue(false))
            .arg(ArgSpec.of("remove", ArgType.BOOL, "With state=absent, remove the home directory too.").defaultValue(false))
            .arg(ArgSpec.of("force", ArgType.BOOL, "With state=absent, remove even if the user is logged in.").defaultValue(false))
            .arg(ArgSpec.of("non_unique", ArgType.BOOL, "Allow a non-unique UID (with uid).").defaultValue(false))
            .checkMode()
            .examples("""
                    - name: The benchmark user
                      ansible.builtin.user:
                        name: bench
                        groups: [docker]
                        append: true
                        shell: /bin/bash
                    """)
            .build();

    public UserModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext ctx, Arguments args) throws Exception {
        String name = args.str("name");
        List<String> entry = getent(ctx, "passwd", name);
        if (args.str("state").equals("absent")) {
            if (entry != null && !ctx.checkMode()) {
                List<String> argv = new ArrayList<>(List.of("userdel"));
                if (args.bool("remove")) {
                    argv.add("-r");
                }
                if (args.bool("force")) {
                    argv.add("-f");
                }
                argv.add(name);
                ModuleResult failed = run(ctx, argv);
                if (failed != null) {
                    return failed;
                }
            }
            return ModuleResult.changed(entry != null).put("name", name).put("state", "absent")
                    .put("force", args.bool("force")).put("remove", args.bool("remove"));
        }
        List<String> options = entry == null ? created(args) : modified(ctx, args, entry, name);
        boolean changed = entry == null || !options.isEmpty();
        if (changed && !ctx.checkMode()) {
            List<String> argv = new ArrayList<>(List.of(entry == null ? "useradd" : "usermod"));
            argv.addAll(options);
            argv.add(name);
            ModuleResult failed = run(ctx, argv);
            if (failed != null) {
                return failed;
            }
            entry = getent(ctx, "passwd", name);
        }
        ModuleResult result = ModuleResult.changed(changed).put("name", name).put("state", "present")
                .put("system", args.bool("system"));
        if (entry != null) {
            result.put("uid", Integer.parseInt(entry.get(2))).put("group", Integer.parseInt(entry.get(3)))
                    .put("comment", entry.get(4)).put("home", entry.get(5)).put("shell", entry.get(6));
        }
        return result.put("create_home", args.bool("create_home"));
    }

    /** useradd's options for a new user. */
    private static List<String> created(Arguments args) {
        List<String> argv = new ArrayList<>();
        addCommon(argv, args);
        if (args.has("groups") && args.list("groups") != null && !args.strings("groups").isEmpty()) {
            argv.addAll(List.of("-G", String.join(",", args.strings("groups"))));
        }
        if (args.str("password") != null) {
            argv.addAll(List.of("-p", args.str("password")));
        }
        if (args.bool("system")) {
            argv.add("-r");
        }
        argv.add(args.bool("create_home") ? "-m" : "-M");
        return argv;
    }

    /** usermod's options for what differs from the existing account; empty when nothing does. */
    private static List<String> modified(ModuleContext ctx, Arguments args, List<String> entry, String name) throws Exception {
        List<String> argv = new ArrayList<>();
        Integer uid = args.integer("uid");
        if (uid != null && !String.valueOf(uid).equals(entry.get(2))) {
            argv.addAll(List.of("-u", String.valueOf(uid)));
            if (args.bool("non_unique")) {
                argv.add("-o");
            }
        }
        if (args.str("group") != null) {
            List<String> group = getent(ctx, "group", args.str("group"));
            if (group == null || !group.get(2).equals(entry.get(3))) {
                argv.addAll(List.of("-g", args.str("group")));
            }
        }
        differs(argv, "-c", args.str("comment"), entry.get(4));
        if (args.str("home") != null && !args.str("home").equals(entry.get(5))) {
            argv.addAll(List.of("-d", args.str("home")));
            if (args.bool("move_home")) {
                argv.add("-m");
            }
        }
        differs(argv, "-s", args.str("shell"), entry.get(6));
        if (args.has("groups") && args.list("groups") != null) {
            Set<String> wanted = new LinkedHashSet<>(args.strings("groups"));
            Set<String> current = supplementaryGroups(ctx, name);
            boolean differ = args.bool("append") ? !current.containsAll(wanted) : !current.equals(wanted);
            if (differ) {
                if (args.bool("append")) {
                    argv.add("-a");
                }
                argv.addAll(List.of("-G", String.join(",", wanted)));
            }
        }
        if (args.str("password") != null && args.str("update_password").equals("always")) {
            List<String> shadow = getent(ctx, "shadow", name);
            if (shadow == null || !shadow.get(1).equals(args.str("password"))) {
                argv.addAll(List.of("-p", args.str("password")));
            }
        }
        return argv;
    }

    private static void differs(List<String> argv, String option, String wanted, String current) {
        if (wanted != null && !wanted.equals(current)) {
            argv.addAll(List.of(option, wanted));
        }
    }

    /** The groups the user belongs to besides the primary one. */
    private static Set<String> supplementaryGroups(ModuleContext ctx, String name) throws Exception {
        CommandResult ran = HostCommand.run(ctx, List.of("id", "-Gn", name));
        CommandResult primary = HostCommand.run(ctx, List.of("id", "-gn", name));
        Set<String> groups = new LinkedHashSet<>(List.of(ran.stdout().strip().split("\\s+")));
        groups.remove(primary.stdout().strip());
        groups.remove("");
        return groups;
    }

    private static List<String> getent(ModuleContext ctx, String database, String key) throws Exception {
        CommandResult ran = HostCommand.run(ctx, List.of("getent", database, key));
        return ran.ok() ? List.of(ran.stdout().strip().split(":", -1)) : null;
    }

    private static ModuleResult run(ModuleContext ctx, List<String> argv) throws Exception {
        CommandResult ran = HostCommand.run(ctx, argv);
        return ran.ok() ? null : ModuleResult.failed(ran.stderr().isBlank() ? ran.stdout() : ran.stderr()).put("rc", ran.rc());
    }

    private static void addCommon(List<String> argv, Arguments args) {
        if (args.integer("uid") != null) {
            argv.addAll(List.of("-u", String.valueOf(args.integer("uid"))));
            if (args.bool("non_unique")) {
                argv.add("-o");
            }
        }
        if (args.str("group") != null) {
            argv.addAll(List.of("-g", args.str("group")));
        }
        if (args.str("comment") != null) {
            argv.addAll(List.of("-c", args.str("comment")));
        }
        if (args.str("home") != null) {
            argv.addAll(List.of("-d", args.str("home")));
        }
        if (args.str("shell") != null) {
            argv.addAll(List.of("-s", args.str("shell")));
        }
    }
}
