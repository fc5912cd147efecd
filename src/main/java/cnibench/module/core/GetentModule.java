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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ansible.builtin.getent: runs getent(1) and returns the entries as the fact getent_DATABASE,
 * each key mapped to the rest of its fields.
 */
public final class GetentModule extends FixedSpecModule {
    /** Databases whose entries are colon-separated; the others are split on white space. */
    private static final Set<String> COLON = Set.of("passwd", "shadow", "group", "gshadow");

    private static final ModuleSpec SPEC = ModuleSpec.builder("getent").builtin()
            .description("A wrapper to the unix getent utility: entries of a database as facts.")
            .arg(ArgSpec.of("database", ArgType.STR, "The name of a getent database (passwd, group, hosts, services ...).").asRequired())
            .arg(ArgSpec.of("key", ArgType.STR, "Key from which to return values; all entries when omitted."))
            .arg(ArgSpec.of("service", ArgType.STR, "Override all databases with this NSS service (getent -s)."))
            .arg(ArgSpec.of("split", ArgType.STR, "Character used to split the fields; ':' for passwd, group, shadow, gshadow."))
            .arg(ArgSpec.of("fail_key", ArgType.BOOL, "Fail when the key is not found.").defaultValue(true))
            .checkMode()
            .examples("""
                    - name: Get root user info
                      ansible.builtin.getent:
                        database: passwd
                        key: root
                    - ansible.builtin.debug:
                        var: ansible_facts.getent_passwd.root
                    """)
            .build();

    public GetentModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext ctx, Arguments args) throws Exception {
        String database = args.str("database");
        List<String> argv = new ArrayList<>(List.of("getent"));
        if (args.str("service") != null) {
            argv.addAll(List.of("-s", args.str("service")));
        }
        argv.add(database);
        if (args.str("key") != null) {
            argv.add(args.str("key"));
        }
        CommandResult ran = HostCommand.run(ctx, argv);
        String msg = switch (ran.rc()) {
            case 0 -> null;
            case 1 -> "Missing arguments, or database unknown.";
            case 2 -> "One or more supplied key could not be found in the database.";
            case 3 -> "Enumeration not supported on this database.";
            default -> ran.stderr().isBlank() ? "getent failed with rc " + ran.rc() : ran.stderr();
        };
        if (msg != null && !(ran.rc() == 2 && !args.bool("fail_key"))) {
            return ModuleResult.failed(msg);
        }
        String split = args.str("split") != null ? args.str("split") : COLON.contains(database) ? ":" : null;
        Map<String, Object> entries = new LinkedHashMap<>();
        for (String line : ran.stdout().lines().toList()) {
            List<String> fields = split == null ? Arrays.asList(line.strip().split("\\s+"))
                    : Arrays.asList(line.split(Pattern.quote(split), -1));
            entries.putIfAbsent(fields.get(0), new ArrayList<>(fields.subList(1, fields.size())));
        }
        if (ran.rc() == 2) {
            entries.put(args.str("key"), null); // a key not found maps to None, as in Ansible
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("getent_" + database, entries);
        ModuleResult result = ModuleResult.ok().hostFacts(facts);
        return msg == null ? result : result.msg(msg);
    }
}
