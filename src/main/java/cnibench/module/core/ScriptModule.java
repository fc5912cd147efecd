package cnibench.module.core;

import cnibench.connection.CommandRequest;
import cnibench.connection.Connection;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import cnibench.python.ShellWords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * ansible.builtin.script: runs a local script (found in the role's or playbook's files/) on the host
 * with its arguments. As Ansible transfers it to a temporary directory, it is copied and made executable there.
 */
public final class ScriptModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = ModuleSpec.builder("script").builtin()
            .description("Runs a local script on a remote node: the free form is the script name (searched in files/)"
                    + " followed by its arguments.")
            .freeForm()
            .checkMode()
            .arg(ArgSpec.of("cmd", ArgType.STR, "Path to the local script to run followed by optional arguments."))
            .arg(ArgSpec.of("chdir", ArgType.STR, "Change into this directory on the remote node before running the script."))
            .arg(ArgSpec.of("creates", ArgType.STR, "A filename on the remote node; when it already exists, this step is not run."))
            .arg(ArgSpec.of("removes", ArgType.STR, "A filename on the remote node; when it does not exist, this step is not run."))
            .arg(ArgSpec.of("executable", ArgType.STR, "Name or path of an executable to invoke the script with."))
            .examples("""
                    - name: Run a script with arguments
                      ansible.builtin.script: /some/local/script.sh --some-argument 1234

                    - name: Run a script only when a file does not exist, with python
                      ansible.builtin.script: collect_stats.py
                      args:
                        creates: /tmp/stats.json
                        executable: python3
                    """)
            .build();

    public ScriptModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext context, Arguments args) throws Exception {
        Connection connection = context.connection();
        String creates = args.str("creates");
        if (creates != null && Files.exists(connection.path(creates))) {
            return ModuleResult.skipped(creates + " exists, matching creates option");
        }
        String removes = args.str("removes");
        if (removes != null && !Files.exists(connection.path(removes))) {
            return ModuleResult.skipped(removes + " does not exist, matching removes option");
        }
        String chdir = args.str("chdir");
        if (chdir != null && !chdir.startsWith("/")) {
            return ModuleResult.failed("chdir " + chdir + " must be an absolute path for a Unix-aware remote node");
        }
        String text = args.str("_raw_params", args.str("cmd", "")).strip();
        List<String> parts = ShellWords.split(text);
        if (parts.isEmpty()) {
            return ModuleResult.failed("script requires the path of a script to run");
        }
        Path source = context.findFile("files", parts.get(0));
        if (source == null || !Files.isRegularFile(source)) {
            return ModuleResult.failed("Could not find or access '" + parts.get(0) + "'");
        }
        if (context.checkMode()) {
            return creates != null || removes != null ? ModuleResult.changed(true)
                    : ModuleResult.skipped("Check mode is not supported for this task.");
        }
        Path tmpDir = Files.createTempDirectory(connection.path(System.getProperty("java.io.tmpdir")), "cnibench-script-");
        try {
            Path copy = tmpDir.resolve(source.getFileName());
            Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwx------"));
            String line = text.replace(parts.get(0), copy.toString());
            String executable = args.str("executable");
            CommandRequest request = CommandRequest.shell(executable == null ? line : executable + " " + line, null);
            return RawOutput.result(connection.exec(chdir == null ? request : request.withChdir(chdir)));
        } finally {
            deleteTree(tmpDir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
