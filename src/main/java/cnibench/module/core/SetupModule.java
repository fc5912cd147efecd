package cnibench.module.core;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * ansible.builtin.setup: gathers facts about the host, read in one shell run through the connection
 * (no Python on the host). Facts carry Ansible's ansible_ names; the executor also exposes them under
 * ansible_facts without the prefix. Supported subsets: min (platform, distribution, user, env, dns,
 * pkg_mgr, service_mgr, date_time, cmdline, lsb, fips, apparmor), hardware (cpu, memory, load) and
 * network (interfaces and addresses).
 */
public final class SetupModule extends FixedSpecModule {
    private static final Set<String> MIN = Set.of("platform", "distribution", "user", "env", "dns", "pkg_mgr",
            "service_mgr", "date_time", "cmdline", "lsb", "fips", "apparmor", "python");
    private static final Set<String> ALL = Set.of("platform", "distribution", "user", "env", "dns", "pkg_mgr",
            "service_mgr", "date_time", "cmdline", "lsb", "fips", "apparmor", "hardware", "network", "virtual", "python");
    /** Names Ansible accepts that gather nothing here. */
    private static final Set<String> ACCEPTED = Set.of("ohai", "facter", "caps", "local",
            "selinux", "ssh_pub_keys", "facts");

    private static final ModuleSpec SPEC = ModuleSpec.builder("setup").builtin()
            .description("Gathers facts about remote hosts: names, OS, user, environment, date and time, CPU and memory,"
                    + " network interfaces and default routes.")
            .checkMode()
            .arg(ArgSpec.of("gather_subset", ArgType.LIST, "Restrict the facts collected: all, min, hardware, network, or"
                    + " a collector name; ! excludes.").elements(ArgType.STR).defaultValue(List.of("all")))
            .arg(ArgSpec.of("gather_timeout", ArgType.INT, "Set the default timeout in seconds for fact gathering.")
                    .defaultValue(10))
            .arg(ArgSpec.of("filter", ArgType.LIST, "Only return facts whose name matches one of these shell-style"
                    + " (fnmatch) patterns.").elements(ArgType.STR).defaultValue(List.of()))
            .arg(ArgSpec.of("fact_path", ArgType.PATH, "Path used for local ansible facts (not read by cnibench).")
                    .defaultValue("/etc/ansible/facts.d"))
            .examples("""
                    - name: Gather only the network facts
                      ansible.builtin.setup:
                        gather_subset: ['!all', 'network']

                    - name: Only the memory facts
                      ansible.builtin.setup:
                        filter:
                          - 'ansible_*_mb'
                    """)
            .build();

    public SetupModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext context, Arguments args) throws Exception {
        Set<String> collectors;
        try {
            collectors = collectors(args.strings("gather_subset"));
        } catch (IllegalArgumentException e) {
            return ModuleResult.failed(e.getMessage());
        }
        Map<String, String> probe = HostProbe.run(context.connection(), args.integer("gather_timeout"));
        Map<String, Object> bare = new LinkedHashMap<>();
        PlatformFacts.collect(probe).forEach((name, value) -> {
            if (collectors.contains(collectorOf(name))) {
                bare.put(name, value);
            }
        });
        if (collectors.contains("date_time")) {
            bare.put("date_time", DateTimeFacts.of(ZonedDateTime.now()));
        }
        if (collectors.contains("hardware")) {
            bare.putAll(HardwareFacts.collect(probe));
        }
        if (collectors.contains("network")) {
            bare.putAll(NetworkFacts.collect(probe));
        }
        if (collectors.contains("python")) {
            bare.putAll(PythonFacts.collect(probe.getOrDefault("python", "")));
        }
        if (collectors.contains("virtual")) {
            bare.putAll(VirtualFacts.collect(probe.getOrDefault("virt", "")));
        }
        List<Pattern> filters = args.strings("filter").stream().map(SetupModule::fnmatch).toList();
        Map<String, Object> facts = new LinkedHashMap<>();
        bare.forEach((name, value) -> {
            String prefixed = "ansible_" + name;
            if (filters.isEmpty() || filters.stream().anyMatch(p -> p.matcher(prefixed).matches() || p.matcher(name).matches())) {
                facts.put(prefixed, value);
            }
        });
        if (filters.isEmpty()) {
            facts.put("gather_subset", args.strings("gather_subset"));
            facts.put("module_setup", true);
        }
        return ModuleResult.ok().hostFacts(facts);
    }

    /**
     * Ansible's subset rules: min is always gathered unless !min; all adds everything; !all leaves min;
     * a subset named explicitly stays even when a ! excludes it.
     */
    static Set<String> collectors(List<String> subsets) {
        Set<String> include = new LinkedHashSet<>(MIN);
        Set<String> exclude = new LinkedHashSet<>();
        Set<String> explicit = new LinkedHashSet<>();
        for (String subset : subsets) {
            if (subset.equals("all")) {
                include.addAll(ALL);
            } else if (subset.equals("min")) {
                include.addAll(MIN);
            } else if (subset.equals("!all")) {
                exclude.addAll(difference(ALL, MIN));
            } else if (subset.startsWith("!")) {
                exclude.addAll(subset.equals("!min") ? MIN : Set.of(subset.substring(1)));
            } else if (ALL.contains(subset) || ACCEPTED.contains(subset)) {
                explicit.add(subset);
                include.add(subset);
            } else {
                TreeSet<String> allowed = new TreeSet<>(ALL);
                allowed.addAll(ACCEPTED);
                allowed.add("min");
                throw new IllegalArgumentException("Bad subset '" + subset + "' given to Ansible. gather_subset options allowed: all, "
                        + String.join(", ", allowed));
            }
        }
        exclude.removeAll(explicit);
        include.removeAll(exclude);
        return include;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<>(a);
        out.removeAll(b);
        return out;
    }

    private static String collectorOf(String fact) {
        if (fact.startsWith("distribution") || fact.equals("os_family")) {
            return "distribution";
        }
        if (fact.startsWith("user_") || fact.startsWith("real_") || fact.startsWith("effective_")) {
            return "user";
        }
        return switch (fact) {
            case "env", "dns", "pkg_mgr", "service_mgr", "lsb", "fips", "apparmor", "cmdline" -> fact;
            case "proc_cmdline" -> "cmdline";
            default -> "platform";
        };
    }

    /** Python's fnmatch as a regex: * ? [seq] [!seq]. */
    static Pattern fnmatch(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            int close = c == '[' ? glob.indexOf(']', i + 2) : -1;
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (close > 0) {
                String set = glob.substring(i + 1, close);
                regex.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                i = close;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
