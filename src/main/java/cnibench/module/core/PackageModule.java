package cnibench.module.core;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.ArgumentValidator;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/** ansible.builtin.package: the generic package module; cnibench hands it to apt on Debian-family hosts. */
public final class PackageModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = ModuleSpec.builder("package").builtin()
            .description("Generic OS package manager; delegates to apt (the only package manager cnibench supports).")
            .arg(ArgSpec.of("name", ArgType.LIST, "Package names.").asRequired().elements(ArgType.STR))
            .arg(ArgSpec.of("state", ArgType.STR, "present, latest or absent, as the underlying module understands it.").asRequired())
            .arg(ArgSpec.of("use", ArgType.STR, "Package manager module to use; auto detects it from facts.").defaultValue("auto"))
            .checkMode()
            .examples("""
                    - name: iperf3 on any host
                      ansible.builtin.package:
                        name: iperf3
                        state: present
                    """)
            .build();

    private final AptModule apt = new AptModule();

    public PackageModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext ctx, Arguments args) throws Exception {
        String manager = args.str("use");
        if (manager.equals("auto")) {
            manager = detect(ctx);
        }
        if (manager == null) {
            return ModuleResult.failed("Could not detect which package manager to use. Try gathering facts or setting the \"use\" option.");
        }
        if (!manager.equals("apt")) {
            return ModuleResult.failed("Could not find a module for " + manager + ".");
        }
        Map<String, Object> aptArgs = new LinkedHashMap<>();
        aptArgs.put("name", args.list("name"));
        aptArgs.put("state", args.str("state"));
        return apt.run(ctx, ArgumentValidator.validate(apt.spec(), aptArgs));
    }

    /** ansible_facts.pkg_mgr when gathered, else apt when the host has apt-get. */
    private static String detect(ModuleContext ctx) {
        Object facts = ctx.vars().get("ansible_facts");
        if (facts instanceof Map<?, ?> map && map.get("pkg_mgr") != null) {
            return String.valueOf(map.get("pkg_mgr"));
        }
        Object pkgMgr = ctx.vars().get("ansible_pkg_mgr");
        if (pkgMgr != null) {
            return String.valueOf(pkgMgr);
        }
        return Files.isExecutable(ctx.connection().path("/usr/bin/apt-get")) ? "apt" : null;
    }
}
