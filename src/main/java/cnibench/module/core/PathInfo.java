package cnibench.module.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Map;

/** What Ansible reads about a path: its state word and the owner/mode fields results carry. */
final class PathInfo {
    private PathInfo() {
    }

    /** absent, link, directory, hard (a file with several links) or file, as the file module names them. */
    static String state(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return "absent";
        }
        if (Files.isSymbolicLink(path)) {
            return "link";
        }
        if (Files.isDirectory(path)) {
            return "directory";
        }
        return linkCount(path, true) > 1 ? "hard" : "file";
    }

    /** The unix mode word (type and permission bits), without following a link. */
    static int mode(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    }

    static int linkCount(Path path, boolean follow) {
        try {
            return (Integer) Files.getAttribute(path, "unix:nlink", follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS});
        } catch (IOException e) {
            return 1;
        }
    }

    /**
     * Adds uid, gid, owner, group, mode, state and size for the result's {@code path} (or {@code dest})
     * when it exists, as AnsibleModule.exit_json does.
     */
    static Map<String, Object> addTo(Map<String, Object> result) {
        Object name = result.containsKey("path") ? result.get("path") : result.get("dest");
        if (name == null) {
            return result;
        }
        Path path = Path.of(name.toString());
        if (!Files.exists(path)) {
            return result;
        }
        try {
            Map<String, Object> unix = Files.readAttributes(path, "unix:uid,gid,mode,size", LinkOption.NOFOLLOW_LINKS);
            PosixFileAttributes posix = Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .readAttributes();
            result.put("uid", unix.get("uid"));
            result.put("gid", unix.get("gid"));
            result.put("owner", posix.owner().getName());
            result.put("group", posix.group().getName());
            result.put("mode", FileMode.format((Integer) unix.get("mode")));
            result.put("state", Files.isSymbolicLink(path) ? "link" : Files.isDirectory(path) ? "directory"
                    : linkCount(path, true) > 1 ? "hard" : "file");
            result.put("size", unix.get("size"));
        } catch (IOException e) {
            // the path vanished meanwhile: report it without attributes, as Ansible would
        }
        return result;
    }
}
