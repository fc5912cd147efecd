package cnibench.module.core;

import cnibench.module.spi.Arguments;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file lineinfile, blockinfile and replace edit: their {@code path} argument as the user gave it (for
 * messages) and on the host, with the failures Ansible gives when it names no editable file.
 */
record EditedFile(String name, Path path) {
    static EditedFile of(ModuleContext ctx, Arguments args) {
        String name = args.str("path");
        return new EditedFile(name, ctx.connection().path(name));
    }

    boolean exists() {
        return Files.exists(path);
    }

    boolean isDirectory() {
        return Files.isDirectory(path);
    }

    /** Ansible's answer (rc 256) when the path is a directory. */
    ModuleResult directoryFailure() {
        return ModuleResult.failed("Path " + name + " is a directory !").put("rc", 256);
    }

    /** Ansible's answer (rc 257) when the file is missing and may not be created. */
    ModuleResult missingFailure() {
        return ModuleResult.failed("Path " + name + " does not exist !").put("rc", 257);
    }
}
