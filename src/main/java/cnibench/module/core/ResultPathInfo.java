package cnibench.module.core;

import cnibench.module.spi.ModuleResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;

/** What AnsibleModule.exit_json adds to a result that names an existing path: uid, gid, owner, group, mode, state, size. */
final class ResultPathInfo {
    private ResultPathInfo() {
    }

    static ModuleResult add(ModuleResult result, Path path) throws IOException {
        if (!Files.exists(path)) {
            return result;
        }
        PosixFileAttributes followed = Files.readAttributes(path, PosixFileAttributes.class);
        PosixFileAttributes own = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
        String state = own.isSymbolicLink() ? "link" : own.isDirectory() ? "directory"
                : (Integer) Files.getAttribute(path, "unix:nlink") > 1 ? "hard" : "file";
        return result.put("uid", Files.getAttribute(path, "unix:uid"))
                .put("gid", Files.getAttribute(path, "unix:gid"))
                .put("owner", followed.owner().getName())
                .put("group", followed.group().getName())
                .put("mode", String.format("0%03o", mode))
                .put("state", state)
                .put("size", own.size());
    }
}
