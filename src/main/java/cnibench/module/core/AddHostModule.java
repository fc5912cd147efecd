package cnibench.module.core;

import cnibench.module.spi.AddedHost;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ansible.builtin.add_host: describes a host to add to the in-memory inventory. The result's
 * {@code add_host} (host_name, groups, host_vars) is what the executor adds; as Ansible's strategy does,
 * the executor reports changed when the host or a group membership is new.
 */
public final class AddHostModule extends FixedSpecModule {
    private static final Pattern HOST_PORT = Pattern.compile("^(?:\\[([^\\]]+)]|([^:\\[\\]]+)):(\\d+)$");

    private static final ModuleSpec SPEC = ModuleSpec.builder("add_host").builtin()
            .description("Add a host (and alternatively a group) to the in-memory inventory for the rest of the"
                    + " playbook run; any other argument is a variable of the host.")
            .checkMode()
            .acceptsAnyArgument()
            .arg(ArgSpec.of("name", ArgType.STR, "The hostname/ip of the host to add (host:port sets its port).")
                    .aliases("host", "hostname").asRequired())
            .arg(ArgSpec.of("groups", ArgType.LIST, "The groups to add the hostname to.").elements(ArgType.STR)
                    .aliases("group", "groupname"))
            .examples("""
                    - name: Add the egress gateway to a group
                      ansible.builtin.add_host:
                        name: "{{ egress_ip }}"
                        groups: egress_gateways
                        node_role: gateway
                    """)
            .build();

    public AddHostModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext context, Arguments args) {
        String name = args.str("name");
        Map<String, Object> hostVars = new LinkedHashMap<>();
        args.asMap().forEach((key, value) -> {
            if (!key.equals("name") && !key.equals("groups") && !key.startsWith("_ansible")) {
                hostVars.put(key, value);
            }
        });
        Matcher hostPort = HOST_PORT.matcher(name);
        if (hostPort.matches()) {
            name = hostPort.group(1) != null ? hostPort.group(1) : hostPort.group(2);
            hostVars.put("ansible_ssh_port", Integer.parseInt(hostPort.group(3)));
        }
        List<String> groups = new ArrayList<>();
        for (String group : args.strings("groups")) {
            if (!groups.contains(group.strip())) {
                groups.add(group.strip());
            }
        }
        return ModuleResult.ok().addHost(new AddedHost(name, groups, hostVars));
    }
}
