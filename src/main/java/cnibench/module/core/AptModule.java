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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ansible.builtin.apt: installs, upgrades and removes Debian packages with apt-get on the host.
 * The installed state is read with dpkg-query first, so a repeated call reports changed=false.
 */
public final class AptModule extends FixedSpecModule {
    private static final Map<String, String> ENV = Map.of("DEBIAN_FRONTEND", "noninteractive",
            "DEBCONF_NONINTERACTIVE_SEEN", "true", "LC_ALL", "C");
    private static final String APT_GET_ZERO = "\n0 upgraded, 0 newly installed";
    private static final List<String> DPKG_OPTIONS = List.of("-o", "Dpkg::Options::=--force-confdef", "-o", "Dpkg::Options::=--force-confold");

    private static final ModuleSpec SPEC = ModuleSpec.builder("apt").builtin()
            .description("Manage apt packages on Debian-family hosts: install, upgrade to the latest version, remove, build dependencies.")
            .arg(ArgSpec.of("name", ArgType.LIST, "Package names, optionally pinned as name=version.").elements(ArgType.STR).aliases("package", "pkg"))
            .arg(ArgSpec.of("state", ArgType.STR, "What the packages should be.").defaultValue("present")
                    .choices("absent", "build-dep", "latest", "present"))
            .arg(ArgSpec.of("update_cache", ArgType.BOOL, "Run apt-get update first.").aliases("update-cache"))
            .arg(ArgSpec.of("cache_valid_time", ArgType.INT, "Update the cache only if it is older than this many seconds.").defaultValue(0))
            .arg(ArgSpec.of("install_recommends", ArgType.BOOL, "Install recommended packages; unset uses the system default.")
                    .aliases("install-recommends"))
            .arg(ArgSpec.of("purge", ArgType.BOOL, "Purge configuration files when removing.").defaultValue(false))
            .arg(ArgSpec.of("autoremove", ArgType.BOOL, "Also remove unused dependency packages.").defaultValue(false))
            .arg(ArgSpec.of("force", ArgType.BOOL, "Pass --force-yes to apt-get.").defaultValue(false))
            .arg(ArgSpec.of("default_release", ArgType.STR, "Target release (-t).").aliases("default-release"))
            .requiredOneOf("name", "update_cache", "autoremove")
            .checkMode()
            .examples("""
                    - name: Tools of the lab environment
                      ansible.builtin.apt:
                        name: [iproute2, iptables, iperf3, prometheus, prometheus-node-exporter]
                        state: present
                        update_cache: true
                        cache_valid_time: 3600
                    """)
            .build();

    public AptModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext ctx, Arguments args) throws Exception {
        Connection connection = ctx.connection();
        boolean check = ctx.checkMode();
        long cacheTime = cacheTime(connection);
        boolean cacheUpdated = false;
        if (args.bool("update_cache") || args.integer("cache_valid_time") > 0) {
            long now = System.currentTimeMillis() / 1000;
            if (cacheTime + args.integer("cache_valid_time") < now || args.integer("cache_valid_time") == 0) {
                if (!check) {
                    CommandResult update = run(connection, List.of("apt-get", "update"));
                    if (!update.ok()) {
                        return ModuleResult.failed("Failed to update apt cache: " + (update.stderr().isEmpty() ? "unknown reason" : update.stderr()));
                    }
                }
                long after = cacheTime(connection);
                cacheUpdated = check || after != cacheTime;
                cacheTime = after;
            }
        }
        List<String> names = args.strings("name");
        if (names.isEmpty()) {
            return ModuleResult.changed(cacheUpdated).put("cache_updated", cacheUpdated).put("cache_update_time", cacheTime);
        }
        String state = args.str("state");
        ModuleResult result = switch (state) {
            case "absent" -> remove(connection, args, names, check);
            case "build-dep" -> install(connection, args, names, check, true);
            default -> {
                List<String> wanted = new ArrayList<>();
                for (String name : names) {
                    Package pkg = Package.query(connection, name);
                    if (state.equals("latest") && pkg.installed()) {
                        pkg = pkg.withCandidate(Package.candidate(connection, pkg.name()));
                    }
                    if (!pkg.available()) {
                        yield ModuleResult.failed("No package matching '" + pkg.name() + "' is available");
                    }
                    if (!pkg.satisfied(state.equals("latest"))) {
                        wanted.add(name);
                    }
                }
                yield wanted.isEmpty() ? ModuleResult.ok() : install(connection, args, wanted, check, false);
            }
        };
        if (!state.equals("absent") && !result.isFailed()) {
            result.put("cache_updated", cacheUpdated).put("cache_update_time", cacheTime);
            if (cacheUpdated) {
                result.setChanged(true);
            }
        }
        return result;
    }

    private static ModuleResult install(Connection connection, Arguments args, List<String> packages, boolean check, boolean buildDep)
            throws Exception {
        List<String> argv = new ArrayList<>(List.of("apt-get", "-y"));
        argv.addAll(DPKG_OPTIONS);
        if (args.bool("force")) {
            argv.add("--force-yes");
        }
        if (args.bool("autoremove") && !buildDep) {
            argv.add("--auto-remove");
        }
        if (check) {
            argv.add("--simulate");
        }
        argv.add(buildDep ? "build-dep" : "install");
        argv.addAll(packages);
        if (args.has("default_release")) {
            argv.addAll(List.of("-t", args.str("default_release")));
        }
        if (args.has("install_recommends")) {
            argv.addAll(List.of("-o", "APT::Install-Recommends=" + (args.bool("install_recommends") ? "yes" : "no")));
        }
        return outcome(run(connection, argv), argv, buildDep);
    }

    private static ModuleResult remove(Connection connection, Arguments args, List<String> names, boolean check) throws Exception {
        List<String> installed = new ArrayList<>();
        for (String name : names) {
            Package pkg = Package.query(connection, name);
            if (pkg.installed() || (args.bool("purge") && pkg.configFilesLeft())) {
                installed.add(pkg.name());
            }
        }
        if (installed.isEmpty()) {
            return ModuleResult.ok();
        }
        List<String> argv = new ArrayList<>(List.of("apt-get", "-q", "-y"));
        argv.addAll(DPKG_OPTIONS);
        if (args.bool("purge")) {
            argv.add("--purge");
        }
        if (args.bool("autoremove")) {
            argv.add("--auto-remove");
        }
        if (check) {
            argv.add("--simulate");
        }
        argv.add("remove");
        argv.addAll(installed);
        return outcome(run(connection, argv), argv, false);
    }

    private static ModuleResult outcome(CommandResult r, List<String> argv, boolean buildDep) {
        ModuleResult result = r.ok() ? ModuleResult.changed(!buildDep || !r.stdout().contains(APT_GET_ZERO))
                : ModuleResult.failed("'" + String.join(" ", argv) + "' failed: " + r.stderr()).put("rc", r.rc());
        return result.put("stdout", r.stdout()).put("stdout_lines", FileInstaller.lines(r.stdout()))
                .put("stderr", r.stderr()).put("stderr_lines", FileInstaller.lines(r.stderr()));
    }

    static CommandResult run(Connection connection, List<String> argv) throws Exception {
        return connection.exec(CommandRequest.of(argv).withEnv(ENV));
    }

    /** mtime of apt's update stamp (or of the lists directory), as Ansible reports cache_update_time. */
    private static long cacheTime(Connection connection) throws Exception {
        for (String name : List.of("/var/lib/apt/periodic/update-success-stamp", "/var/lib/apt/lists")) {
            Path p = connection.path(name);
            if (Files.exists(p)) {
                return Files.getLastModifiedTime(p).toMillis() / 1000;
            }
        }
        return 0;
    }

    /** One package's state from dpkg-query and apt-cache policy. */
    record Package(String name, String pinned, String status, String version, String candidate) {
        static Package query(Connection connection, String spec) throws Exception {
            int eq = spec.indexOf('=');
            String name = eq < 0 ? spec : spec.substring(0, eq);
            String pinned = eq < 0 ? null : spec.substring(eq + 1);
            CommandResult dpkg = run(connection, List.of("dpkg-query", "-W", "-f=${Status} ${Version}", name));
            String status = "";
            String version = "";
            if (dpkg.ok()) {
                String[] words = dpkg.stdout().trim().split(" ");
                status = words.length >= 3 ? words[0] + " " + words[1] + " " + words[2] : dpkg.stdout().trim();
                version = words.length >= 4 ? words[3] : "";
            }
            String candidate = null;
            if (!status.endsWith(" installed")) {
                candidate = candidate(connection, name);
            }
            return new Package(name, pinned, status, version, candidate);
        }

        boolean installed() {
            return status.equals("install ok installed") || status.endsWith(" ok installed");
        }

        boolean configFilesLeft() {
            return status.endsWith("config-files");
        }

        boolean available() {
            return installed() || (candidate != null && !candidate.equals("(none)"));
        }

        /** Already as wanted: installed (in the pinned version); for latest also at the candidate version. */
        boolean satisfied(boolean latest) {
            if (!installed()) {
                return false;
            }
            if (pinned != null) {
                return version.startsWith(pinned);
            }
            return !latest || version.equals(latestCandidate());
        }

        private String latestCandidate() {
            return candidate == null ? version : candidate;
        }

        Package withCandidate(String value) {
            return new Package(name, pinned, status, version, value);
        }

        static String candidate(Connection connection, String name) throws Exception {
            CommandResult policy = run(connection, List.of("apt-cache", "policy", name));
            for (String line : policy.stdout().split("\n")) {
                String t = line.trim();
                if (t.startsWith("Candidate:")) {
                    return t.substring("Candidate:".length()).trim();
                }
            }
            return null;
        }
    }
}
