package cnibench.module.core;

import cnibench.module.spi.Arguments;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts given bytes at a destination file the way Ansible's copy module does (used by copy and
 * template): compares checksums, honours force, backup, validate and check mode, applies
 * owner/group/mode and reports copy's result fields.
 */
final class FileInstaller {
    private final ModuleContext ctx;
    private final Arguments args;
    private final FileAttributes attributes;

    FileInstaller(ModuleContext ctx, Arguments args, FileAttributes attributes) {
        this.ctx = ctx;
        this.args = args;
        this.attributes = attributes;
    }

    /**
     * @param src         what the result names as src (a source path), or null
     * @param afterHeader the diff's after_header
     */
    ModuleResult install(byte[] data, String destName, String src, String afterHeader) throws Exception {
        Path dest = ctx.connection().path(destName);
        String checksum = Digests.ofBytes(data, "sha1");
        Path parent = dest.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            return ModuleResult.failed("Destination directory " + parent + " does not exist").put("checksum", checksum);
        }
        boolean exists = Files.exists(dest);
        if (exists && !args.bool("force")) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("dest", destName);
            fields.put("src", src);
            return ModuleResult.ok().putAll(fields);
        }
        if (exists && !Files.isReadable(dest)) {
            return ModuleResult.failed("Destination " + destName + " not readable");
        }
        boolean differs = !exists || !checksum.equals(Digests.ofFile(dest, "sha1"));
        ModuleResult result;
        if (differs) {
            result = ModuleResult.changed(true);
            if (ctx.diffMode()) {
                String before = exists ? Files.readString(dest, StandardCharsets.UTF_8) : "";
                result.diff(exists ? destName : null, before, afterHeader, new String(data, StandardCharsets.UTF_8));
            }
            if (ctx.checkMode()) {
                return result;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            if (exists && args.bool("backup")) {
                fields.put("backup_file", SafeWrite.backup(dest));
            }
            try {
                SafeWrite.write(ctx.connection(), dest, data, args.str("validate"));
            } catch (SafeWrite.ValidationFailure e) {
                return validationFailed(e, checksum);
            }
            attributes.apply(dest, args.bool("follow"), false, new HashMap<>(), new HashMap<>());
            fields.put("dest", destName);
            fields.put("src", src);
            fields.put("md5sum", Digests.ofBytes(data, "md5"));
            fields.put("checksum", checksum);
            result.putAll(PathInfo.addTo(fields));
        } else {
            boolean changed = attributes.apply(dest, args.bool("follow"), ctx.checkMode(), new HashMap<>(), new HashMap<>());
            result = ModuleResult.changed(changed);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("checksum", checksum);
            fields.put("dest", destName);
            fields.put("path", destName);
            result.putAll(PathInfo.addTo(fields));
        }
        return result;
    }

    static ModuleResult validationFailed(SafeWrite.ValidationFailure e, String checksum) {
        return ModuleResult.failed("failed to validate")
                .put("checksum", checksum)
                .put("exit_status", e.result().rc())
                .put("stdout", e.result().stdout())
                .put("stdout_lines", lines(e.result().stdout()))
                .put("stderr", e.result().stderr())
                .put("stderr_lines", lines(e.result().stderr()));
    }

    static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\r?\n"));
    }
}
