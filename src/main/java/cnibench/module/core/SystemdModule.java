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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ansible.builtin.systemd: a unit's state, enablement and mask through systemctl, and
 * daemon-reload; the unit's `systemctl show` properties are returned as status.
 */
public final class SystemdModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = ModuleSpec.builder("systemd").builtin()
            .alias("systemd_service", "ansible.builtin.systemd_service", "ansible.legacy.systemd_service")
            .description("Control systemd units: start, stop, restart, reload, enable, mask; daemon-reload.")
            .arg(ArgSpec.of("name", ArgType.STR, "Name of the unit.").aliases("service", "unit"))
            .arg(ArgSpec.of("state", ArgType.STR, "started and stopped are idempotent; restarted and reloaded always act.")
                    .choices("reloaded", "restarted", "started", "stopped"))
            .arg(ArgSpec.of("enabled", ArgType.BOOL, "Whether the unit should start on boot."))
            .arg(ArgSpec.of("force", ArgType.BOOL, "Override existing symlinks (systemctl --force)."))
            .arg(ArgSpec.of("masked", ArgType.BOOL, "Whether the unit should be masked."))
            .arg(ArgSpec.of("daemon_reload", ArgType.BOOL, "Run daemon-reload before anything else.").defaultValue(false)
                    .aliases("daemon-reload"))
            .arg(ArgSpec.of("daemon_reexec", ArgType.BOOL, "Run daemon-reexec before anything else.").defaultValue(false)
                    .aliases("daemon-reexec"))
            .arg(ArgSpec.of("scope", ArgType.STR, "The systemd manager: system, user or global.")
                    .choices("system", "user", "global").defaultValue("system"))
            .arg(ArgSpec.of("no_block", ArgType.BOOL, "Do not wait for the job to finish (--no-block).").defaultValue(false))
            .checkMode()
            .examples("""
                    - name: Restart Prometheus with the new configuration
                      ansible.builtin.systemd:
                        name: prometheus
                        state: restarted
                        daemon_reload: true
                    """)
            .build();

    public SystemdModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext ctx, Arguments args) throws Exception {
        Systemctl systemctl = new Systemctl(ctx, args);
        for (String reload : List.of("daemon_reload", "daemon_reexec")) {
            if (args.bool(reload) && !ctx.checkMode()) {
                CommandResult ran = systemctl.run(reload.replace('_', '-'));
                if (!ran.ok()) {
                    return ModuleResult.failed("failure " + ran.rc() + " during " + reload.replace('_', '-') + ": " + ran.stderr());
                }
            }
        }
        String name = args.str("name");
        if (name == null) {
            if (args.str("state") != null || args.raw("enabled") != null || args.raw("masked") != null) {
                return ModuleResult.failed("missing parameter(s) required by 'state', 'enabled' or 'masked': name");
            }
            return ModuleResult.ok();
        }
        Map<String, String> status = systemctl.show(name);
        boolean found = !"not-found".equals(status.get("LoadState"));
        ModuleResult result = ModuleResult.ok().put("name", name);
        boolean changed = false;
        if (args.raw("masked") != null) {
            boolean masked = "masked".equals(status.get("LoadState")) || "masked".equals(status.get("UnitFileState"));
            if (masked != args.bool("masked")) {
                changed = true;
                ModuleResult failed = act(ctx, systemctl, args.bool("masked") ? "mask" : "unmask", name);
                if (failed != null) {
                    return failed;
                }
            }
        }
        if (!found && (args.str("state") != null || args.raw("enabled") != null)) {
            return ModuleResult.failed("Could not find the requested service " + name + ": host");
        }
        if (args.raw("enabled") != null) {
            boolean enabled = systemctl.run("is-enabled", name).ok();
            if (enabled != args.bool("enabled")) {
                changed = true;
                ModuleResult failed = act(ctx, systemctl, args.bool("enabled") ? "enable" : "disable", name);
                if (failed != null) {
                    return failed;
                }
            }
            result.put("enabled", args.bool("enabled"));
        }
        String state = args.str("state");
        if (state != null) {
            boolean active = List.of("active", "activating", "reloading").contains(status.get("ActiveState"));
            String action = switch (state) {
                case "started" -> active ? null : "start";
                case "stopped" -> active ? "stop" : null;
                case "restarted" -> "restart";
                default -> active ? "reload" : "start";
            };
            if (action != null) {
                changed = true;
                ModuleResult failed = act(ctx, systemctl, action, name);
                if (failed != null) {
                    return failed;
                }
            }
            result.put("state", state);
        }
        return result.setChanged(changed).put("status", status);
    }

    private static ModuleResult act(ModuleContext ctx, Systemctl systemctl, String verb, String name) throws Exception {
        if (ctx.checkMode()) {
            return null;
        }
        CommandResult ran = systemctl.run(verb, name);
        return ran.ok() ? null : ModuleResult.failed("Unable to " + verb + " service " + name + ": " + ran.stderr());
    }

    /** systemctl with the scope and blocking options of the task. */
    private record Systemctl(ModuleContext ctx, Arguments args) {
        CommandResult run(String... words) throws Exception {
            List<String> argv = new ArrayList<>(List.of("systemctl"));
            if (!args.str("scope").equals("system")) {
                argv.add("--" + args.str("scope"));
            }
            if (args.bool("no_block")) {
                argv.add("--no-block");
            }
            if (args.raw("force") != null && args.bool("force")) {
                argv.add("--force");
            }
            argv.addAll(List.of(words));
            return HostCommand.run(ctx, argv);
        }

        /** The unit's properties; LoadState not-found when systemctl knows nothing of it. */
        Map<String, String> show(String name) throws Exception {
            CommandResult ran = run("show", name);
            Map<String, String> props = new LinkedHashMap<>();
            for (String line : ran.stdout().lines().toList()) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    props.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            if (!ran.ok() || props.isEmpty()) {
                props.put("LoadState", "not-found");
            }
            return props;
        }
    }
}
