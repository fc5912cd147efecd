package cnibench.module.core;

import cnibench.connection.CommandResult;
import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ansible.builtin.package_facts: the installed packages as the fact `packages`, each name mapped
 * to its installed versions; read from dpkg-query (the apt manager, the only one cnibench knows).
 */
public final class PackageFactsModule extends FixedSpecModule {
    private static final String FORMAT = "${db:Status-Abbrev}\\t${Package}\\t${Version}\\t${Architecture}\\t${Section}\\n";

    private static final ModuleSpec SPEC = ModuleSpec.builder("package_facts").builtin()
            .description("Package information as facts (apt, through dpkg-query).")
            .arg(ArgSpec.of("manager", ArgType.LIST, "The package managers to ask: auto or apt.").elements(ArgType.STR)
                    .defaultValue(List.of("auto")))
            .arg(ArgSpec.of("strategy", ArgType.STR, "first or all of the managers found.").choices("first", "all")
                    .defaultValue("first"))
            .checkMode()
            .examples("""
                    - name: What is installed
                      ansible.builtin.package_facts:
                    - ansible.builtin.debug:
                        msg: "iperf3 {{ ansible_facts.packages['iperf3'][0].version }}"
                      when: "'iperf3' in ansible_facts.packages"
                    """)
            .build();

    public PackageFactsModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext ctx, Arguments args) throws Exception {
        List<String> managers = args.strings("manager");
        if (managers.stream().anyMatch(m -> !m.equals("auto") && !m.equals("apt"))) {
            return ModuleResult.failed("cnibench reads packages from apt only, not " + managers);
        }
        if (!HostCommand.exists(ctx, "dpkg-query")) {
            return ModuleResult.failed("Could not detect a supported package manager from the following list: [apt]");
        }
        CommandResult ran = HostCommand.run(ctx, List.of("dpkg-query", "-W", "-f", FORMAT));
        if (!ran.ok()) {
            return ModuleResult.failed("dpkg-query failed: " + ran.stderr());
        }
        Map<String, Object> packages = new LinkedHashMap<>();
        for (String line : ran.stdout().lines().toList()) {
            String[] f = line.split("\t", -1);
            if (f.length < 5 || !f[0].startsWith("ii")) {
                continue;
            }
            Map<String, Object> pkg = new LinkedHashMap<>();
            pkg.put("name", f[1]);
            pkg.put("version", f[2]);
            pkg.put("arch", f[3]);
            pkg.put("category", f[4]);
            pkg.put("source", "apt");
            @SuppressWarnings("unchecked")
            List<Object> versions = (List<Object>) packages.computeIfAbsent(f[1], k -> new ArrayList<>());
            versions.add(pkg);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("packages", packages);
        return ModuleResult.ok().hostFacts(facts);
    }
}
