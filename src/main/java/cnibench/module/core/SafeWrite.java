package cnibench.module.core;

import cnibench.connection.CommandRequest;
import cnibench.connection.CommandResult;
import cnibench.connection.Connection;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Writes files the way AnsibleModule.atomic_move does: into a temporary file beside the
 * destination, optionally checked by a validate command, then renamed over it, keeping an existing
 * destination's owner and permissions. Also makes Ansible's date-marked backups.
 */
final class SafeWrite {
    private static final DateTimeFormatter BACKUP_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss~");

    private SafeWrite() {
    }

    /** Writes data to dest; validate is a command holding %s, or null. */
    static void write(Connection connection, Path dest, byte[] data, String validate)
            throws IOException, InterruptedException {
        Path target = Files.isSymbolicLink(dest) ? dest.toRealPath() : dest;
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(data);
            }
            validate(connection, temp, validate);
            if (Files.exists(target)) {
                copyOwnershipAndMode(target, temp);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Runs the validate command on the candidate file; fails with Ansible's message when it rejects it. */
    static void validate(Connection connection, Path candidate, String validate) throws IOException, InterruptedException {
        if (validate == null) {
            return;
        }
        if (!validate.contains("%s")) {
            throw new IOException("validate must contain %s: " + validate);
        }
        CommandResult result = connection.exec(CommandRequest.shell(validate.replace("%s", candidate.toString()), null));
        if (!result.ok()) {
            throw new ValidationFailure(result);
        }
    }

    /** The validate command rejected the new content; modules word this differently. */
    static final class ValidationFailure extends IOException {
        private final transient CommandResult result;

        ValidationFailure(CommandResult result) {
            super("failed to validate: rc:" + result.rc() + " error:" + result.stderr());
            this.result = result;
        }

        CommandResult result() {
            return result;
        }
    }

    /** Copies path to path.PID.YYYY-MM-DD@HH:MM:SS~ keeping its attributes; returns the backup's name. */
    static String backup(Path path) throws IOException {
        String name = path + "." + ProcessHandle.current().pid() + "." + LocalDateTime.now().format(BACKUP_STAMP);
        Files.copy(path, Path.of(name), StandardCopyOption.COPY_ATTRIBUTES);
        return name;
    }

    private static void copyOwnershipAndMode(Path from, Path to) throws IOException {
        PosixFileAttributes attrs = Files.readAttributes(from, PosixFileAttributes.class);
        PosixFileAttributeView view = Files.getFileAttributeView(to, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(to, "unix:mode", (Integer) Files.getAttribute(from, "unix:mode") & 07777);
        if (!attrs.owner().equals(Files.getOwner(to)) || !attrs.group().equals(view.readAttributes().group())) {
            view.setOwner(attrs.owner());
            view.setGroup(attrs.group());
        }
    }
}
