package cnibench.module.core;

import cnibench.connection.CommandResult;
import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ansible.builtin.unarchive: unpacks a tar (plain, gzip, bzip2, xz; GNU tar) or zip (unzip)
 * archive into an existing directory. It changes nothing when the files are already there:
 * tar --compare for tar archives, names and sizes for zip archives.
 */
public final class UnarchiveModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = ModuleSpec.builder("unarchive").builtin()
            .description("Unpacks an archive (tar, tar.gz, tar.bz2, tar.xz, zip) into a directory.")
            .arg(ArgSpec.of("src", ArgType.PATH, "The archive: on the controller (files/ of the role or playbook), or on"
                    + " the host with remote_src.").asRequired())
            .arg(ArgSpec.of("dest", ArgType.PATH, "Existing directory to unpack into.").asRequired())
            .arg(ArgSpec.of("remote_src", ArgType.BOOL, "The archive is already on the host.").defaultValue(false))
            .arg(ArgSpec.of("copy", ArgType.BOOL, "Deprecated opposite of remote_src.").defaultValue(true))
            .arg(ArgSpec.of("creates", ArgType.PATH, "If this path exists, the task is skipped."))
            .arg(ArgSpec.of("list_files", ArgType.BOOL, "Return the archive's file names in files.").defaultValue(false))
            .arg(ArgSpec.of("exclude", ArgType.LIST, "Archive entries not to unpack.").elements(ArgType.STR).defaultValue(List.of()))
            .arg(ArgSpec.of("include", ArgType.LIST, "The only archive entries to unpack.").elements(ArgType.STR).defaultValue(List.of()))
            .arg(ArgSpec.of("keep_newer", ArgType.BOOL, "Do not replace existing files that are newer.").defaultValue(false))
            .arg(ArgSpec.of("extra_opts", ArgType.LIST, "More options for tar or unzip.").elements(ArgType.STR).defaultValue(List.of()))
            .mutuallyExclusive("include", "exclude")
            .checkMode()
            .examples("""
                    - name: Unpack k6
                      ansible.builtin.unarchive:
                        src: /tmp/k6-v0.50.0-linux-amd64.tar.gz
                        dest: /opt
                        remote_src: true
                    """)
            .build();

    public UnarchiveModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext ctx, Arguments args) throws Exception {
        if (args.str("creates") != null && Files.exists(ctx.connection().path(args.str("creates")))) {
            return ModuleResult.skipped("skipped, since " + args.str("creates") + " exists");
        }
        boolean remote = args.bool("remote_src") || !args.bool("copy");
        Path src = remote ? ctx.connection().path(args.str("src")) : ctx.findFile("files", args.str("src"));
        if (src == null || !Files.isRegularFile(src)) {
            return ModuleResult.failed("Source '" + args.str("src") + "' " + (remote ? "does not exist" : "could not be found"));
        }
        String dest = args.str("dest");
        if (!Files.isDirectory(ctx.connection().path(dest))) {
            return ModuleResult.failed("Destination '" + dest + "' is not a directory");
        }
        boolean zip = src.getFileName().toString().toLowerCase().endsWith(".zip");
        List<String> files = zip ? zipEntries(ctx, src) : tarEntries(ctx, src);
        if (files == null) {
            return ModuleResult.failed("Failed to find handler for \"" + src + "\". Make sure the required command to extract the file is"
                    + " installed.");
        }
        boolean unpacked = zip ? zipUnpacked(ctx, src, dest) : HostCommand.run(ctx, tarArgs(args, src, dest, "--compare")).ok();
        ModuleResult result = ModuleResult.changed(!unpacked).put("dest", dest).put("src", src.toString())
                .put("handler", handler(src)).put("state", "directory");
        if (!unpacked && !ctx.checkMode()) {
            List<String> argv = zip ? unzipArgs(args, src, dest) : tarArgs(args, src, dest, "--extract");
            CommandResult ran = HostCommand.run(ctx, argv);
            Map<String, Object> extract = new LinkedHashMap<>();
            extract.put("cmd", argv);
            extract.put("err", ran.stderr());
            extract.put("out", ran.stdout());
            extract.put("rc", ran.rc());
            result.put("extract_results", extract);
            if (!ran.ok()) {
                return result.setFailed(true).msg("failed to unpack " + src + " to " + dest);
            }
        }
        if (args.bool("list_files")) {
            result.put("files", files);
        }
        return result;
    }

    private static String handler(Path src) {
        String name = src.getFileName().toString().toLowerCase();
        if (name.endsWith(".zip")) {
            return "ZipArchive";
        }
        if (name.endsWith(".tar.bz2") || name.endsWith(".tbz2")) {
            return "TarBzipArchive";
        }
        if (name.endsWith(".tar.xz") || name.endsWith(".txz")) {
            return "TarXzArchive";
        }
        return name.endsWith(".tar") ? "TarArchive" : "TgzArchive";
    }

    private static List<String> tarArgs(Arguments args, Path src, String dest, String mode) {
        List<String> argv = new ArrayList<>(List.of("tar", mode, "-C", dest, "-f", src.toString()));
        if (args.bool("keep_newer") && mode.equals("--extract")) {
            argv.add("--keep-newer-files");
        }
        args.strings("exclude").forEach(e -> argv.add("--exclude=" + e));
        argv.addAll(args.strings("extra_opts"));
        argv.addAll(args.strings("include"));
        return argv;
    }

    private static List<String> unzipArgs(Arguments args, Path src, String dest) {
        List<String> argv = new ArrayList<>(List.of("unzip", "-o"));
        argv.addAll(args.strings("extra_opts"));
        argv.add(src.toString());
        argv.addAll(args.strings("include"));
        if (!args.strings("exclude").isEmpty()) {
            argv.add("-x");
            argv.addAll(args.strings("exclude"));
        }
        argv.addAll(List.of("-d", dest));
        return argv;
    }

    /** The archive's entry names, or null when tar cannot read it. */
    private static List<String> tarEntries(ModuleContext ctx, Path src) throws Exception {
        CommandResult ran = HostCommand.run(ctx, List.of("tar", "--list", "-f", src.toString()));
        return ran.ok() ? ran.stdout().lines().toList() : null;
    }

    private static List<String> zipEntries(ModuleContext ctx, Path src) throws Exception {
        CommandResult ran = HostCommand.run(ctx, List.of("unzip", "-Z1", src.toString()));
        return ran.ok() ? ran.stdout().lines().toList() : null;
    }

    /** Every entry of the zip exists under dest with its size (directories as directories). */
    private static boolean zipUnpacked(ModuleContext ctx, Path src, String dest) throws Exception {
        CommandResult ran = HostCommand.run(ctx, List.of("unzip", "-Zl", src.toString()));
        if (!ran.ok()) {
            return false;
        }
        Path root = ctx.connection().path(dest);
        for (String line : ran.stdout().lines().toList()) {
            String[] f = line.strip().split("\\s+", 10);
            if (f.length < 10 || !(line.startsWith("-") || line.startsWith("d"))) {
                continue;
            }
            Path target = root.resolve(f[9]);
            boolean dir = f[9].endsWith("/");
            if (dir ? !Files.isDirectory(target) : !Files.isRegularFile(target) || Files.size(target) != Long.parseLong(f[3])) {
                return false;
            }
        }
        return true;
    }
}
