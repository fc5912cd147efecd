package cnibench.module.core;

import cnibench.connection.CommandRequest;
import cnibench.connection.CommandResult;
import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * ansible.builtin.git: clones a repository and checks out a version (branch, tag or commit)
 * through the git command line; before and after are the commits, changed when they differ.
 */
public final class GitModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = ModuleSpec.builder("git").builtin()
            .description("Deploy software (or files) from git checkouts.")
            .arg(ArgSpec.of("repo", ArgType.STR, "git, SSH or HTTP(S) address, or path, of the repository.").asRequired()
                    .aliases("name"))
            .arg(ArgSpec.of("dest", ArgType.PATH, "Where the repository is checked out.").asRequired())
            .arg(ArgSpec.of("version", ArgType.STR, "Branch, tag or commit to check out.").defaultValue("HEAD"))
            .arg(ArgSpec.of("remote", ArgType.STR, "Name of the remote.").defaultValue("origin"))
            .arg(ArgSpec.of("clone", ArgType.BOOL, "Clone when dest does not exist.").defaultValue(true))
            .arg(ArgSpec.of("update", ArgType.BOOL, "Fetch new revisions from the remote.").defaultValue(true))
            .arg(ArgSpec.of("force", ArgType.BOOL, "Discard local modifications of the working copy.").defaultValue(false))
            .arg(ArgSpec.of("depth", ArgType.INT, "Create a shallow clone with this many commits."))
            .arg(ArgSpec.of("single_branch", ArgType.BOOL, "Clone only the history of version.").defaultValue(false))
            .arg(ArgSpec.of("accept_hostkey", ArgType.BOOL, "Accept the SSH host key of the server.").defaultValue(false))
            .arg(ArgSpec.of("executable", ArgType.PATH, "The git program to use.").defaultValue("git"))
            .checkMode()
            .examples("""
                    - name: The benchmark tools
                      ansible.builtin.git:
                        repo: https://github.com/example/tools.git
                        dest: /opt/tools
                        version: v1.2.0
                    """)
            .build();

    public GitModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext ctx, Arguments args) throws Exception {
        Git git = new Git(ctx, args);
        String dest = args.str("dest");
        String version = args.str("version");
        boolean cloned = Files.exists(ctx.connection().path(dest).resolve(".git"));
        if (!cloned) {
            if (!args.bool("clone")) {
                return ModuleResult.ok().put("before", null).put("after", null);
            }
            String remoteHead = git.remoteCommit(version);
            if (ctx.checkMode()) {
                return ModuleResult.changed(true).put("before", null).put("after", remoteHead);
            }
            List<String> clone = new ArrayList<>(List.of("clone", "--origin", args.str("remote")));
            if (args.integer("depth") != null) {
                clone.addAll(List.of("--depth", String.valueOf(args.integer("depth"))));
            }
            if (args.bool("single_branch")) {
                clone.add("--single-branch");
            }
            if (!version.equals("HEAD") && git.isRef(version)) {
                clone.addAll(List.of("--branch", version));
            }
            clone.addAll(List.of(args.str("repo"), dest));
            CommandResult ran = git.run(null, clone);
            if (!ran.ok()) {
                return ModuleResult.failed("Failed to clone " + args.str("repo") + ": " + ran.stderr()).put("rc", ran.rc());
            }
            ModuleResult checkout = checkout(git, dest, version);
            return checkout != null ? checkout
                    : ModuleResult.changed(true).put("before", null).put("after", git.head(dest)).put("remote_url_changed", false);
        }
        String before = git.head(dest);
        if (!args.bool("force") && !git.run(dest, List.of("status", "--porcelain", "--untracked-files=no")).stdout().isBlank()) {
            return ModuleResult.failed("Local modifications exist in the destination: " + dest + " (force=no).");
        }
        if (!args.bool("update")) {
            return ModuleResult.ok().put("before", before).put("after", before);
        }
        String target = git.remoteCommit(version);
        if (target == null) {
            target = version;
        }
        if (target.equals(before)) {
            return ModuleResult.ok().put("before", before).put("after", before).put("remote_url_changed", false);
        }
        if (ctx.checkMode()) {
            return ModuleResult.changed(true).put("before", before).put("after", target);
        }
        CommandResult fetched = git.run(dest, List.of("fetch", args.str("remote"), "--tags", "--force"));
        if (!fetched.ok()) {
            return ModuleResult.failed("Failed to download remote objects and refs: " + fetched.stderr());
        }
        ModuleResult failed = checkout(git, dest, version.equals("HEAD") ? args.str("remote") + "/HEAD" : version);
        return failed != null ? failed
                : ModuleResult.changed(true).put("before", before).put("after", git.head(dest)).put("remote_url_changed", false);
    }

    /** Checks out the version: a branch follows its remote branch, anything else is a detached checkout. */
    private static ModuleResult checkout(Git git, String dest, String version) throws Exception {
        if (version.equals("HEAD")) {
            return null;
        }
        String remote = git.args.str("remote");
        boolean branch = git.run(dest, List.of("rev-parse", "--verify", "--quiet", remote + "/" + version)).ok();
        List<String> argv = branch ? List.of("checkout", "-B", version, remote + "/" + version)
                : List.of("checkout", "--force", version);
        CommandResult ran = git.run(dest, argv);
        return ran.ok() ? null : ModuleResult.failed("Failed to checkout " + version + ": " + ran.stderr());
    }

    /** The git program with the task's options, run in a directory. */
    private record Git(ModuleContext ctx, Arguments args) {
        CommandResult run(String dir, List<String> words) throws Exception {
            List<String> argv = new ArrayList<>(List.of(args.str("executable")));
            argv.addAll(words);
            CommandRequest request = CommandRequest.of(argv);
            if (args.bool("accept_hostkey")) {
                request = request.withEnv(java.util.Map.of("GIT_SSH_COMMAND", "ssh -o StrictHostKeyChecking=no"));
            }
            return ctx.connection().exec(dir == null ? request : request.withChdir(dir));
        }

        String head(String dest) throws Exception {
            return run(dest, List.of("rev-parse", "HEAD")).stdout().strip();
        }

        /** The commit the remote has for a branch or tag (HEAD when version is HEAD), or null. */
        String remoteCommit(String version) throws Exception {
            CommandResult ran = run(null, List.of("ls-remote", args.str("repo"), version, "refs/tags/" + version + "^{}"));
            if (!ran.ok() || ran.stdout().isBlank()) {
                return null;
            }
            List<String> lines = ran.stdout().lines().toList();
            String peeled = lines.stream().filter(l -> l.endsWith("^{}")).findFirst().orElse(lines.get(0));
            return peeled.split("\\s+")[0];
        }

        boolean isRef(String version) throws Exception {
            return remoteCommit(version) != null;
        }
    }
}
