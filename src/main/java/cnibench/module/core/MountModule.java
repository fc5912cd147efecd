package cnibench.module.core;

import cnibench.connection.CommandResult;
import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * ansible.posix.mount: the fstab entry of a mount point (present, absent) and the mount itself
 * (mounted, unmounted, remounted, ephemeral) through mount(8) and umount(8).
 */
public final class MountModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = ModuleSpec.builder("mount").alias("ansible.posix.mount")
            .description("Control active and configured mount points (fstab and mount/umount).")
            .arg(ArgSpec.of("path", ArgType.PATH, "Path to the mount point.").asRequired().aliases("name"))
            .arg(ArgSpec.of("src", ArgType.PATH, "Device (or NFS volume, or something else) to be mounted."))
            .arg(ArgSpec.of("fstype", ArgType.STR, "Filesystem type."))
            .arg(ArgSpec.of("opts", ArgType.STR, "Mount options."))
            .arg(ArgSpec.of("dump", ArgType.STR, "Dump (see fstab(5)).").defaultValue("0"))
            .arg(ArgSpec.of("passno", ArgType.STR, "Passno (see fstab(5)).").defaultValue("0"))
            .arg(ArgSpec.of("state", ArgType.STR, "What to ensure.").asRequired()
                    .choices("absent", "absent_from_fstab", "mounted", "present", "unmounted", "remounted", "ephemeral"))
            .arg(ArgSpec.of("fstab", ArgType.STR, "File to use instead of /etc/fstab.").defaultValue("/etc/fstab"))
            .arg(ArgSpec.of("boot", ArgType.BOOL, "Mount at boot; false adds noauto to the options.").defaultValue(true))
            .arg(ArgSpec.of("backup", ArgType.BOOL, "Create a backup of the fstab.").defaultValue(false))
            .checkMode()
            .examples("""
                    - name: A tmpfs for the results
                      ansible.posix.mount:
                        path: /srv/results
                        src: tmpfs
                        fstype: tmpfs
                        opts: size=1g
                        state: mounted
                    """)
            .build();

    public MountModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext ctx, Arguments args) throws Exception {
        String state = args.str("state");
        String path = args.str("path");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        boolean needsEntry = state.equals("mounted") || state.equals("present") || state.equals("ephemeral");
        if (needsEntry && (args.str("src") == null || args.str("fstype") == null)) {
            return ModuleResult.failed("state is " + state + " but all of the following are missing: "
                    + (args.str("src") == null ? "src" : "fstype"));
        }
        String opts = args.str("opts") == null ? "defaults" : args.str("opts");
        if (!args.bool("boot") && !opts.contains("noauto")) {
            opts = opts.equals("defaults") ? "noauto" : opts + ",noauto";
        }
        String entry = String.join(" ", args.str("src") == null ? "" : args.str("src"), path,
                args.str("fstype") == null ? "" : args.str("fstype"), opts, args.str("dump"), args.str("passno"));
        boolean changed = false;
        if (state.equals("present") || state.equals("mounted")) {
            changed = editFstab(ctx, args, path, entry);
        } else if (state.equals("absent") || state.equals("absent_from_fstab")) {
            changed = editFstab(ctx, args, path, null);
        }
        boolean mounted = !state.equals("present") && !state.equals("absent_from_fstab") && !state.equals("remounted")
                && isMounted(ctx, path);
        if ((state.equals("mounted") || state.equals("ephemeral")) && !mounted) {
            changed = true;
            if (!ctx.checkMode()) {
                Files.createDirectories(ctx.connection().path(path));
                List<String> argv = state.equals("ephemeral")
                        ? List.of("mount", "-t", args.str("fstype"), "-o", opts, args.str("src"), path)
                        : List.of("mount", "-T", args.str("fstab"), path);
                ModuleResult failed = runOrFail(ctx, argv, "Error mounting " + path);
                if (failed != null) {
                    return failed;
                }
            }
        } else if ((state.equals("unmounted") || state.equals("absent")) && mounted) {
            changed = true;
            if (!ctx.checkMode()) {
                ModuleResult failed = runOrFail(ctx, List.of("umount", path), "Error unmounting " + path);
                if (failed != null) {
                    return failed;
                }
            }
        } else if (state.equals("remounted")) {
            changed = true;
            if (!ctx.checkMode()) {
                List<String> argv = new ArrayList<>(List.of("mount", "-o", "remount"));
                argv.add(path);
                ModuleResult failed = runOrFail(ctx, argv, "Error remounting " + path);
                if (failed != null) {
                    return failed;
                }
            }
        }
        return ModuleResult.changed(changed)
                .put("name", path).put("src", args.str("src")).put("fstype", args.str("fstype"))
                .put("opts", opts).put("dump", args.str("dump")).put("passno", args.str("passno"))
                .put("fstab", args.str("fstab")).put("boot", args.bool("boot"));
    }

    /** Sets (entry) or removes (null) the fstab line of the mount point; true when the file changed. */
    private static boolean editFstab(ModuleContext ctx, Arguments args, String path, String entry) throws Exception {
        Path fstab = ctx.connection().path(args.str("fstab"));
        List<String> lines = Files.exists(fstab) ? TextFile.readLines(fstab) : List.of();
        Predicate<String> isMountPoint = line -> {
            String[] fields = TextFile.stripNewline(line).strip().split("\\s+");
            boolean comment = line.strip().startsWith("#") || line.isBlank();
            return !comment && fields.length >= 2 && fields[1].equals(path);
        };
        String current = TextFile.firstMatch(lines, isMountPoint);
        String wanted = entry == null ? null : current != null && sameEntry(current, entry) ? current : entry + "\n";
        List<String> out = TextFile.replaceFirstOrAppend(lines, isMountPoint, wanted);
        if (out.equals(lines)) {
            return false;
        }
        if (!ctx.checkMode()) {
            if (args.bool("backup") && Files.exists(fstab)) {
                SafeWrite.backup(fstab);
            }
            SafeWrite.write(ctx.connection(), fstab, String.join("", out).getBytes(StandardCharsets.UTF_8), null);
        }
        return true;
    }

    /** An existing line with the same fields, however spaced, is kept as it is. */
    private static boolean sameEntry(String line, String entry) {
        return List.of(line.strip().split("\\s+")).equals(List.of(entry.strip().split("\\s+")));
    }

    private static boolean isMounted(ModuleContext ctx, String path) throws Exception {
        return HostCommand.run(ctx, List.of("findmnt", "-n", "--mountpoint", path)).ok();
    }

    private static ModuleResult runOrFail(ModuleContext ctx, List<String> argv, String what) throws Exception {
        CommandResult ran = HostCommand.run(ctx, argv);
        return ran.ok() ? null : ModuleResult.failed(what + ": " + ran.stdout() + ran.stderr());
    }
}
