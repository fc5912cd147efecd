package cnibench.module.core;

import cnibench.connection.CommandResult;
import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.ArgumentValidator;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ansible.builtin.service: on a host run by systemd, the systemd module; elsewhere the SysV
 * `service` command (status by its exit code) and update-rc.d for enablement.
 */
public final class ServiceModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = ModuleSpec.builder("service").builtin()
            .description("Manage services: systemd where it runs, the service command otherwise.")
            .arg(ArgSpec.of("name", ArgType.STR, "Name of the service.").asRequired())
            .arg(ArgSpec.of("state", ArgType.STR, "started and stopped are idempotent; restarted and reloaded always act.")
                    .choices("reloaded", "restarted", "started", "stopped"))
            .arg(ArgSpec.of("enabled", ArgType.BOOL, "Whether the service should start on boot."))
            .arg(ArgSpec.of("arguments", ArgType.STR, "Additional arguments for the service command.").aliases("args")
                    .defaultValue(""))
            .arg(ArgSpec.of("pattern", ArgType.STR, "Process name pattern to check status without a status command."))
            .arg(ArgSpec.of("sleep", ArgType.INT, "Seconds to sleep between stop and start of restarted."))
            .arg(ArgSpec.of("runlevel", ArgType.STR, "Runlevel (OpenRC); not used by cnibench.").defaultValue("default"))
            .arg(ArgSpec.of("use", ArgType.STR, "The service manager: auto, systemd or service.").defaultValue("auto"))
            .checkMode()
            .examples("""
                    - name: nginx is running
                      ansible.builtin.service:
                        name: nginx
                        state: started
                        enabled: true
                    """)
            .build();

    private final SystemdModule systemd = new SystemdModule();

    public ServiceModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext ctx, Arguments args) throws Exception {
        String use = args.str("use");
        boolean systemdHost = use.equals("systemd")
                || use.equals("auto") && Files.isDirectory(ctx.connection().path("/run/systemd/system"));
        if (systemdHost) {
            Map<String, Object> given = new LinkedHashMap<>();
            given.put("name", args.str("name"));
            given.put("state", args.str("state"));
            given.put("enabled", args.raw("enabled"));
            return systemd.run(ctx, ArgumentValidator.validate(systemd.spec(), given));
        }
        return sysv(ctx, args);
    }

    private static ModuleResult sysv(ModuleContext ctx, Arguments args) throws Exception {
        String name = args.str("name");
        if (!Files.exists(ctx.connection().path("/etc/init.d/" + name))) {
            return ModuleResult.failed("Could not find the requested service " + name + ": host");
        }
        boolean changed = false;
        ModuleResult result = ModuleResult.ok().put("name", name);
        if (args.str("state") != null) {
            boolean running = running(ctx, args);
            String action = switch (args.str("state")) {
                case "started" -> running ? null : "start";
                case "stopped" -> running ? "stop" : null;
                case "restarted" -> "restart";
                default -> running ? "reload" : "start";
            };
            if (action != null) {
                changed = true;
                if (!ctx.checkMode()) {
                    CommandResult ran = HostCommand.run(ctx, command(args, action));
                    if (!ran.ok()) {
                        return ModuleResult.failed(ran.stderr().isBlank() ? ran.stdout() : ran.stderr()).put("rc", ran.rc());
                    }
                }
            }
            result.put("state", args.str("state"));
        }
        if (args.raw("enabled") != null) {
            changed = true;
            if (!ctx.checkMode()) {
                CommandResult ran = HostCommand.run(ctx, List.of("update-rc.d", name, args.bool("enabled") ? "enable" : "disable"));
                if (!ran.ok()) {
                    return ModuleResult.failed("Error when trying to " + (args.bool("enabled") ? "enable " : "disable ") + name
                            + ": " + ran.stderr());
                }
            }
            result.put("enabled", args.bool("enabled"));
        }
        return result.setChanged(changed);
    }

    /** Running by `service NAME status`, or by a process matching pattern when one is given. */
    private static boolean running(ModuleContext ctx, Arguments args) throws Exception {
        if (args.str("pattern") != null) {
            return HostCommand.run(ctx, List.of("pgrep", "-f", args.str("pattern"))).ok();
        }
        return HostCommand.run(ctx, command(args, "status")).ok();
    }

    private static List<String> command(Arguments args, String action) {
        List<String> argv = new ArrayList<>(List.of("service", args.str("name"), action));
        if (!args.str("arguments").isBlank()) {
            argv.addAll(List.of(args.str("arguments").strip().split("\\s+")));
        }
        return argv;
    }
}
