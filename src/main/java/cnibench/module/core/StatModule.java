package cnibench.module.core;

import cnibench.connection.CommandRequest;
import cnibench.connection.CommandResult;
import cnibench.connection.Connection;
import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ansible.builtin.stat: facts about a path, in the {@code stat} dictionary Ansible returns. */
public final class StatModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = ModuleSpec.builder("stat").builtin()
            .description("Retrieve file or file system status: type, mode, owner, size, times, checksum, MIME type. "
                    + "lsattr attributes (get_attributes) are not reported.")
            .arg(ArgSpec.of("path", ArgType.PATH, "The path to inspect.").asRequired().aliases("dest", "name"))
            .arg(ArgSpec.of("follow", ArgType.BOOL, "Follow a symlink to what it points to.").defaultValue(false))
            .arg(ArgSpec.of("get_checksum", ArgType.BOOL, "Report the checksum of a regular file.").defaultValue(true))
            .arg(ArgSpec.of("checksum_algorithm", ArgType.STR, "Algorithm of the checksum.").defaultValue("sha1")
                    .choices("md5", "sha1", "sha224", "sha256", "sha384", "sha512").aliases("checksum", "checksum_algo"))
            .arg(ArgSpec.of("get_mime", ArgType.BOOL, "Report mimetype and charset as `file -i` sees them.")
                    .defaultValue(true).aliases("mime", "mime_type", "mime-type"))
            .arg(ArgSpec.of("get_attributes", ArgType.BOOL, "Accepted for compatibility; lsattr attributes are not reported.")
                    .defaultValue(true).aliases("attr", "attributes"))
            .checkMode()
            .examples("""
                    - name: Is the kubeconfig there?
                      ansible.builtin.stat:
                        path: ~/.kube/config
                      register: kubeconfig
                    - ansible.builtin.debug:
                        msg: "present, mode {{ kubeconfig.stat.mode }}"
                      when: kubeconfig.stat.exists
                    """)
            .build();

    public StatModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext ctx, Arguments args) throws Exception {
        String name = args.str("path");
        Path path = ctx.connection().path(name);
        boolean follow = args.bool("follow");
        LinkOption[] options = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        if (!Files.exists(path, options)) {
            return ModuleResult.ok().put("stat", Map.of("exists", false));
        }
        Map<String, Object> stat = describe(path, name, options, args.bool("get_checksum") ? args.str("checksum_algorithm") : null);
        if (args.bool("get_mime")) {
            addMime(ctx.connection(), name, stat);
        }
        return ModuleResult.ok().put("stat", stat);
    }

    /** mimetype and charset from `file -i`, or "unknown" as Ansible reports them without it. */
    private static void addMime(Connection connection, String name, Map<String, Object> stat) throws Exception {
        stat.put("mimetype", "unknown");
        stat.put("charset", "unknown");
        CommandResult out = connection.exec(CommandRequest.of(List.of("file", "-i", name)));
        int colon = out.stdout().lastIndexOf(':');
        if (out.ok() && colon >= 0 && out.stdout().indexOf(';', colon) > 0) {
            String[] parts = out.stdout().substring(colon + 1).split(";");
            stat.put("mimetype", parts[0].trim());
            int eq = parts[1].indexOf('=');
            stat.put("charset", parts[1].substring(eq + 1).trim());
        }
    }

    /** The stat dictionary for an existing path; checksumAlgorithm null leaves the checksum out. */
    static Map<String, Object> describe(Path path, String name, LinkOption[] options, String checksumAlgorithm) throws IOException {
        Map<String, Object> unix = Files.readAttributes(path, "unix:*", options);
        PosixFileAttributes posix = Files.readAttributes(path, PosixFileAttributes.class, options);
        int mode = (Integer) unix.get("mode");
        int type = mode & 0170000;
        Map<String, Object> st = new LinkedHashMap<>();
        st.put("exists", true);
        st.put("path", name);
        st.put("mode", FileMode.format(mode));
        st.put("isdir", type == 0040000);
        st.put("ischr", type == 0020000);
        st.put("isblk", type == 0060000);
        st.put("isreg", type == 0100000);
        st.put("isfifo", type == 0010000);
        st.put("islnk", type == 0120000);
        st.put("issock", type == 0140000);
        st.put("uid", unix.get("uid"));
        st.put("gid", unix.get("gid"));
        st.put("size", unix.get("size"));
        st.put("inode", unix.get("ino"));
        st.put("dev", unix.get("dev"));
        st.put("nlink", unix.get("nlink"));
        st.put("atime", seconds((FileTime) unix.get("lastAccessTime")));
        st.put("mtime", seconds((FileTime) unix.get("lastModifiedTime")));
        st.put("ctime", seconds((FileTime) unix.get("ctime")));
        st.put("wusr", (mode & 0200) != 0);
        st.put("rusr", (mode & 0400) != 0);
        st.put("xusr", (mode & 0100) != 0);
        st.put("wgrp", (mode & 020) != 0);
        st.put("rgrp", (mode & 040) != 0);
        st.put("xgrp", (mode & 010) != 0);
        st.put("woth", (mode & 02) != 0);
        st.put("roth", (mode & 04) != 0);
        st.put("xoth", (mode & 01) != 0);
        st.put("isuid", (mode & 04000) != 0);
        st.put("isgid", (mode & 02000) != 0);
        st.put("pw_name", posix.owner().getName());
        st.put("gr_name", posix.group().getName());
        st.put("device_type", unix.get("rdev"));
        st.put("readable", Files.isReadable(path));
        st.put("writeable", Files.isWritable(path));
        st.put("executable", Files.isExecutable(path));
        if (type == 0120000) {
            st.put("lnk_source", path.toRealPath().toString());
            st.put("lnk_target", Files.readSymbolicLink(path).toString());
        }
        if (type == 0100000 && checksumAlgorithm != null && Files.isReadable(path)) {
            st.put("checksum", Digests.ofFile(path, checksumAlgorithm));
        }
        return st;
    }

    private static double seconds(FileTime time) {
        Instant i = time.toInstant();
        return i.getEpochSecond() + i.getNano() / 1e9;
    }
}
