package cnibench.module.core;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ansible.builtin.get_url: downloads a file over HTTP(S), changed only when the content differs. */
public final class GetUrlModule extends FixedSpecModule {
    private static final Pattern DISPOSITION = Pattern.compile("filename=\"?([^\";]+)\"?");

    private static final ModuleSpec SPEC = CommonFileArgs.addTo(UrlArgs.addTo(ModuleSpec.builder("get_url").builtin()
            .description("Download a file from HTTP or HTTPS to the host, optionally verifying its checksum.")
            .arg(ArgSpec.of("dest", ArgType.PATH, "File to write, or a directory that receives the file by its server-given name.").asRequired())
            .arg(ArgSpec.of("force", ArgType.BOOL, "Download even when dest exists (otherwise only when the server says it changed).").defaultValue(false))
            .arg(ArgSpec.of("checksum", ArgType.STR, "algorithm:hex digest the download must have, e.g. sha256:9f86d0...").defaultValue(""))
            .arg(ArgSpec.of("backup", ArgType.BOOL, "Keep a date-stamped copy of a replaced file.").defaultValue(false))
            .arg(ArgSpec.of("tmp_dest", ArgType.PATH, "Accepted for compatibility; downloads are written beside dest."))
            .arg(ArgSpec.of("decompress", ArgType.BOOL, "Accepted for compatibility; responses are not decompressed.").defaultValue(true)), 10))
            .checkMode()
            .examples("""
                    - name: Fetch the Cilium CLI
                      ansible.builtin.get_url:
                        url: https://github.com/cilium/cilium-cli/releases/download/v0.16.0/cilium-linux-amd64.tar.gz
                        dest: /tmp/cilium.tar.gz
                        checksum: sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
                    """)
            .build();

    public GetUrlModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext ctx, Arguments args) throws Exception {
        String url = args.str("url");
        String destName = args.str("dest");
        Path dest = ctx.connection().path(destName);
        String algorithm = null;
        String expected = null;
        String checksum = args.str("checksum", "");
        if (!checksum.isEmpty()) {
            int colon = checksum.indexOf(':');
            if (colon < 0) {
                return ModuleResult.failed("The checksum parameter has to be in format <algorithm>:<checksum>");
            }
            algorithm = checksum.substring(0, colon);
            expected = checksum.substring(colon + 1).toLowerCase();
        }
        boolean destIsDir = Files.isDirectory(dest);
        if (!destIsDir && Files.exists(dest) && expected != null && !args.bool("force")
                && expected.equals(Digests.ofFile(dest, algorithm))) {
            return ModuleResult.ok().msg("file already exists").put("dest", destName).put("url", url);
        }
        Map<String, String> headers = HttpFetch.headers(args);
        if (!destIsDir && Files.exists(dest) && !args.bool("force") && expected == null) {
            headers.put("If-Modified-Since", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    Files.getLastModifiedTime(dest).toInstant().atZone(ZoneOffset.UTC)));
        }
        HttpFetch.Response response = HttpFetch.send(args, "GET", null, headers, "safe");
        if (destIsDir) {
            dest = dest.resolve(fileName(response, url));
            destName = dest.toString();
        }
        if (response.status() == 304) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("dest", destName);
            fields.put("elapsed", response.elapsedSeconds());
            fields.put("status_code", 304);
            fields.put("url", url);
            return ModuleResult.ok().msg(response.message()).putAll(PathInfo.addTo(fields));
        }
        if (response.status() != 200) {
            return ModuleResult.failed("Request failed")
                    .put("dest", destName)
                    .put("elapsed", response.elapsedSeconds())
                    .put("response", response.message())
                    .put("status_code", response.status())
                    .put("url", url);
        }
        byte[] data = response.body();
        String checksumSrc = Digests.ofBytes(data, "sha1");
        boolean exists = Files.exists(dest);
        String checksumDest = exists ? Digests.ofFile(dest, "sha1") : null;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("checksum_dest", checksumDest);
        fields.put("checksum_src", checksumSrc);
        fields.put("dest", destName);
        fields.put("elapsed", response.elapsedSeconds());
        fields.put("status_code", response.status());
        fields.put("url", url);
        if (expected != null) {
            String actual = Digests.ofBytes(data, algorithm);
            if (!expected.equals(actual)) {
                return ModuleResult.failed("The checksum for " + destName + " did not match " + expected + "; it was " + actual + ".")
                        .putAll(fields).setChanged(true);
            }
        }
        Path parent = dest.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            return ModuleResult.failed("Destination " + parent + " does not exist").putAll(fields);
        }
        boolean changed = !checksumSrc.equals(checksumDest);
        if (ctx.checkMode()) {
            return ModuleResult.changed(changed).msg(response.message()).putAll(fields);
        }
        if (changed) {
            if (exists && args.bool("backup")) {
                fields.put("backup_file", SafeWrite.backup(dest));
            }
            SafeWrite.write(ctx.connection(), dest, data, null);
        }
        changed |= FileAttributes.of(args).apply(dest, true, false, new HashMap<>(), new HashMap<>());
        fields.put("md5sum", Digests.ofFile(dest, "md5"));
        return ModuleResult.changed(changed).msg(response.message()).putAll(PathInfo.addTo(fields));
    }

    /** The name the server gives (Content-Disposition), else the URL's last path segment, else index.html. */
    private static String fileName(HttpFetch.Response response, String url) {
        String disposition = response.header("content-disposition");
        if (disposition != null) {
            Matcher m = DISPOSITION.matcher(disposition);
            if (m.find()) {
                return Path.of(m.group(1)).getFileName().toString();
            }
        }
        String path = URI.create(url).getPath();
        String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() ? "index.html" : last;
    }
}
