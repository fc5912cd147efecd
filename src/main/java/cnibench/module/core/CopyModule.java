package cnibench.module.core;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;

import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import cnibench.python.PyJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** ansible.builtin.copy: copies a file, a directory tree or given content to the host. */
public final class CopyModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = CommonFileArgs.addTo(ModuleSpec.builder("copy").builtin()
            .description("Copy files or literal content to a location on the host; directories are copied recursively.")
            .arg(ArgSpec.of("src", ArgType.PATH, "File or directory to copy; relative names are searched in files/. "
                    + "A directory ending in / copies its contents, otherwise the directory itself."))
            .arg(ArgSpec.of("content", ArgType.RAW, "Literal content for dest, instead of src; a dict or list is written as JSON.").asNoLog())
            .arg(ArgSpec.of("dest", ArgType.PATH, "Where to copy to; a directory (or a name ending in /) receives the source by its name.").asRequired())
            .arg(ArgSpec.of("backup", ArgType.BOOL, "Keep a date-stamped copy of a replaced file.").defaultValue(false))
            .arg(ArgSpec.of("force", ArgType.BOOL, "Replace a file whose content differs; false copies only when dest is missing.")
                    .defaultValue(true).aliases("thirsty"))
            .arg(ArgSpec.of("remote_src", ArgType.BOOL, "src is on the host rather than beside the playbook.").defaultValue(false))
            .arg(ArgSpec.of("directory_mode", ArgType.RAW, "Mode of directories created by a recursive copy."))
            .arg(ArgSpec.of("validate", ArgType.STR, "Command checking the new file before it is put in place; %s is its path."))
            .arg(ArgSpec.of("follow", ArgType.BOOL, "Follow a symlink at dest.").defaultValue(false))
            .arg(ArgSpec.of("local_follow", ArgType.BOOL, "Follow symlinks in the source.").defaultValue(true))
            .arg(ArgSpec.of("checksum", ArgType.STR, "Expected SHA1 of the file being copied."))
            .arg(ArgSpec.of("decrypt", ArgType.BOOL, "Vault decryption; accepted and ignored (cnibench has no vault).").defaultValue(true)))
            .mutuallyExclusive("src", "content")
            .requiredOneOf("src", "content")
            .checkMode().diff()
            .examples("""
                    - name: Install a config file
                      ansible.builtin.copy:
                        src: iperf3.service
                        dest: /etc/systemd/system/iperf3.service
                        mode: '0644'
                    - name: Write literal content
                      ansible.builtin.copy:
                        content: "net.ipv4.ip_forward = 1\\n"
                        dest: /etc/sysctl.d/90-forward.conf
                    """)
            .build();

    public CopyModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext ctx, Arguments args) throws Exception {
        String dest = args.str("dest");
        if (args.has("content")) {
            if (dest.endsWith("/")) {
                return ModuleResult.failed("can not use content with a dir as dest");
            }
            Path target = ctx.connection().path(dest);
            if (Files.isDirectory(target)) {
                return ModuleResult.failed("can not use content with a dir as dest");
            }
            Object content = args.raw("content");
            String text = content instanceof Map || content instanceof List ? PyJson.dumps(content, null, false) : String.valueOf(content);
            return installer(ctx, args, null).install(text.getBytes(StandardCharsets.UTF_8), dest, null, "dynamically generated");
        }
        String srcName = args.str("src");
        Path src = args.bool("remote_src") ? ctx.connection().path(srcName) : ctx.findFile("files", srcName);
        if (src == null || !Files.exists(src)) {
            return ModuleResult.failed(args.bool("remote_src") ? "Source " + srcName + " not found"
                    : "Could not find or access '" + srcName + "' on the Ansible Controller.\n"
                    + "If you are using a module and expect the file to exist on the remote, see the remote_src option");
        }
        if (Files.isDirectory(src)) {
            return copyTree(ctx, args, src, srcName, dest);
        }
        if (!Files.isReadable(src)) {
            return ModuleResult.failed("Source " + srcName + " not readable");
        }
        Path destPath = ctx.connection().path(dest);
        if (dest.endsWith("/") || Files.isDirectory(destPath)) {
            if (dest.endsWith("/") && !Files.exists(destPath) && !ctx.checkMode()) {
                Files.createDirectories(destPath);
            }
            dest = destPath.resolve(src.getFileName()).toString();
        }
        byte[] data = Files.readAllBytes(src);
        if (args.has("checksum") && !args.str("checksum").equalsIgnoreCase(Digests.ofBytes(data, "sha1"))) {
            return ModuleResult.failed("Copied file does not match the expected checksum. Transfer failed.");
        }
        return installer(ctx, args, src).install(data, dest, src.toString(), src.toString());
    }

    private static FileInstaller installer(ModuleContext ctx, Arguments args, Path src) throws Exception {
        FileAttributes attributes = FileAttributes.of(args);
        if ("preserve".equals(args.str("mode")) && src != null) {
            attributes = attributes.withMode(PathInfo.mode(src) & 07777);
        }
        return new FileInstaller(ctx, args, attributes);
    }

    /** src/ copies the contents into dest; src without the slash copies the directory itself into dest. */
    private static ModuleResult copyTree(ModuleContext ctx, Arguments args, Path src, String srcName, String dest) throws Exception {
        Path root = ctx.connection().path(dest);
        if (!srcName.endsWith("/")) {
            root = root.resolve(src.getFileName());
        }
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(src)) {
            entries = walk.sorted().toList();
        }
        boolean changed = false;
        FileAttributes dirAttributes = new FileAttributes(args.raw("directory_mode"), args.str("owner"), args.str("group"));
        for (Path entry : entries) {
            Path target = root.resolve(src.relativize(entry).toString());
            if (Files.isDirectory(entry)) {
                if (!Files.isDirectory(target)) {
                    changed = true;
                    if (!ctx.checkMode()) {
                        Files.createDirectories(target);
                        dirAttributes.apply(target, true, false, new HashMap<>(), new HashMap<>());
                    }
                }
            } else if (!ctx.checkMode() || Files.isDirectory(target.getParent())) {
                ModuleResult one = installer(ctx, args, entry).install(Files.readAllBytes(entry), target.toString(), entry.toString(), entry.toString());
                if (one.isFailed()) {
                    return one;
                }
                changed |= one.isChanged();
            } else {
                changed = true;
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        if (args.bool("remote_src")) {
            fields.put("checksum", null);
            fields.put("md5sum", null);
            fields.put("dest", dest);
            fields.put("src", srcName);
            PathInfo.addTo(fields);
        } else {
            fields.put("dest", dest.endsWith("/") ? dest : dest + "/");
            fields.put("src", srcName);
        }
        return ModuleResult.changed(changed).putAll(fields);
    }
}
