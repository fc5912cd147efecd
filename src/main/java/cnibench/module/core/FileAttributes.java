package cnibench.module.core;

import cnibench.module.spi.Arguments;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Map;

/**
 * Sets owner, group and mode when they differ, as AnsibleModule.set_fs_attributes_if_different does,
 * recording old and new values in the diff dicts and changing nothing in check mode.
 */
final class FileAttributes {
    private final Object mode;
    private final String owner;
    private final String group;

    FileAttributes(Object mode, String owner, String group) {
        this.mode = mode;
        this.owner = owner;
        this.group = group;
    }

    static FileAttributes of(Arguments args) {
        return new FileAttributes(args.raw("mode"), args.str("owner"), args.str("group"));
    }

    FileAttributes withMode(Object newMode) {
        return new FileAttributes(newMode, owner, group);
    }

    boolean isEmpty() {
        return mode == null && owner == null && group == null;
    }

    /**
     * Applies the attributes to path (following links when follow is set).
     *
     * @return true when something differed
     */
    boolean apply(Path path, boolean follow, boolean check, Map<String, Object> before, Map<String, Object> after)
            throws IOException {
        LinkOption[] options = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class, options);
        PosixFileAttributes current = view.readAttributes();
        FileSystem fs = path.getFileSystem();
        boolean changed = false;
        if (owner != null) {
            UserPrincipal wanted = lookupUser(fs, owner);
            if (!wanted.equals(current.owner())) {
                before.put("owner", current.owner().getName());
                after.put("owner", wanted.getName());
                if (!check) {
                    view.setOwner(wanted);
                }
                changed = true;
            }
        }
        if (group != null) {
            GroupPrincipal wanted = lookupGroup(fs, group);
            if (!wanted.equals(current.group())) {
                before.put("group", current.group().getName());
                after.put("group", wanted.getName());
                if (!check) {
                    view.setGroup(wanted);
                }
                changed = true;
            }
        }
        if (mode != null && !(Files.isSymbolicLink(path) && !follow)) {
            int now = (Integer) Files.getAttribute(path, "unix:mode", options);
            int wanted;
            try {
                wanted = FileMode.resolve(mode, now, Files.isDirectory(path, options));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("mode must be in octal or symbolic form");
            }
            if ((now & 07777) != wanted) {
                before.put("mode", FileMode.format(now));
                after.put("mode", FileMode.format(wanted));
                if (!check) {
                    Files.setAttribute(path, "unix:mode", wanted, options);
                }
                changed = true;
            }
        }
        return changed;
    }

    private static UserPrincipal lookupUser(FileSystem fs, String name) throws IOException {
        try {
            return fs.getUserPrincipalLookupService().lookupPrincipalByName(name);
        } catch (UserPrincipalNotFoundException e) {
            throw new IOException("chown failed: failed to look up user " + name);
        }
    }

    private static GroupPrincipal lookupGroup(FileSystem fs, String name) throws IOException {
        try {
            return fs.getUserPrincipalLookupService().lookupPrincipalByGroupName(name);
        } catch (UserPrincipalNotFoundException e) {
            throw new IOException("chgrp failed: failed to look up group " + name);
        }
    }
}
