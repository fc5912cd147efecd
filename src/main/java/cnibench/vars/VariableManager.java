package cnibench.vars;

import cnibench.inventory.Host;
import cnibench.inventory.Inventory;
import cnibench.playbook.Play;
import cnibench.playbook.Role;
import cnibench.playbook.RoleScope;
import cnibench.playbook.Scope;
import cnibench.playbook.Task;
import cnibench.source.Position;
import cnibench.source.SourceError;
import cnibench.source.YamlLoader;
import cnibench.template.Templar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The variables of a host for a task, layered in one place in Ansible 2.14's precedence order
 * (lowest first): role defaults, inventory vars, facts, play vars, vars_files, role vars, block and
 * task vars, include_vars, set_fact and registered values, role and include parameters, extra vars,
 * then the magic variables.
 */
public final class VariableManager {
    private final Inventory inventory;
    private final Map<String, Object> extraVars;
    private final Map<String, Object> runMagic;
    private final Templar templar;
    private final Map<String, HostState> states = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> varsFilesCache = new ConcurrentHashMap<>();
    private InventoryLayers inventoryLayers;
    private Play play;
    private PlayHosts playHosts;
    private volatile Map<String, Object> groups;
    private final Map<String, Map<String, Object>> hostMagic = new ConcurrentHashMap<>();
    private final Map<Task, Map<String, Object>> taskMagic = new ConcurrentHashMap<>();
    private Map<String, Object> playMagic = Map.of();
    private List<String> playHostsAll = List.of();

    /**
     * @param runMagic magic variables fixed for the run (playbook_dir, ansible_check_mode, ...)
     */
    public VariableManager(Inventory inventory, Map<String, Object> extraVars, Map<String, Object> runMagic,
                           Templar templar, Path playbookDir) {
        this.inventory = inventory;
        this.extraVars = extraVars;
        this.runMagic = runMagic;
        this.templar = templar;
        this.inventoryLayers = new InventoryLayers(inventory, playbookDir);
        this.groups = groups();
    }

    public Inventory inventory() {
        return inventory;
    }

    public Map<String, Object> extraVars() {
        return extraVars;
    }

    public HostState state(Host host) {
        return states.computeIfAbsent(host.name(), n -> new HostState());
    }

    public void startPlay(Play play, PlayHosts hosts) {
        this.play = play;
        this.playHosts = hosts;
        this.playMagic = playMagic(play);
        this.playHostsAll = hosts == null ? List.of() : hosts.all().stream().map(Host::name).toList();
        varsFilesCache.clear();
        taskMagic.clear();
    }

    /** After add_host or group_by. */
    public void inventoryChanged() {
        inventoryLayers.invalidate();
        groups = groups();
        hostMagic.clear();
    }

    /** Variables of a host outside any task: what hostvars and play-level templating see. */
    public Map<String, Object> forHost(Host host) {
        return build(host, null, Map.of());
    }

    public Map<String, Object> forTask(Host host, Task task, Map<String, Object> includeParams) {
        return build(host, task, includeParams);
    }

    /** Variables for templating a play's own fields (hosts, vars_files names): no host yet. */
    public Map<String, Object> forPlayFields(Play play) {
        Map<String, Object> out = new LinkedHashMap<>(play.vars());
        out.putAll(extraVars);
        out.putAll(runMagic);
        return out;
    }

    private Map<String, Object> build(Host host, Task task, Map<String, Object> includeParams) {
        LayeredVars v = new LayeredVars();
        List<RoleScope> taskRoles = task == null ? List.of() : roleChain(task);
        if (play != null) {
            play.roleScopes().forEach(rs -> v.push(rs.role().defaults()));
        }
        taskRoles.forEach(rs -> v.push(rs.role().defaults()));
        v.push(inventoryLayers.forHost(host));
        HostState state = state(host);
        v.push(state.prefixedFacts());
        if (play != null) {
            v.push(play.vars());
            v.push(varsFiles(host, v));
            play.roleScopes().forEach(rs -> v.push(rs.role().vars()));
        }
        if (task != null) {
            taskRoles.forEach(rs -> v.push(rs.role().vars()));
            v.push(task.blockAndTaskVars());
        }
        v.push(state.includedVars());
        v.push(state.runtimeVars());
        taskRoles.forEach(rs -> v.push(rs.params()));
        v.push(includeParams);
        v.push(extraVars);
        magic(v, host, task);
        return v;
    }

    /** The task's role and the roles that depend on it, innermost last so its values win. */
    private static List<RoleScope> roleChain(Scope task) {
        List<RoleScope> chain = new ArrayList<>();
        RoleScope rs = task.roleScope();
        while (rs != null) {
            chain.add(0, rs);
            rs = rs.dependent();
        }
        return chain;
    }

    private void magic(LayeredVars v, Host host, Task task) {
        v.push(runMagic);
        v.push(hostMagic.computeIfAbsent(host.name(), n -> hostMagic(host)));
        if (playHosts != null) {
            v.push(Map.of("ansible_play_hosts_all", playHostsAll, "ansible_play_hosts", playHosts.activeNames(),
                    "play_hosts", playHosts.batchNames(), "ansible_play_batch", playHosts.batchNames()));
        }
        v.push(playMagic);
        if (task != null) {
            v.push(taskMagic.computeIfAbsent(task, this::taskMagic));
        } else if (play != null) {
            v.push(Map.of("ansible_search_path", List.of(play.dir().toString())));
        }
    }

    /** What a host's magic variables are until the inventory changes; worked out once, not per task. */
    private Map<String, Object> hostMagic(Host host) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("inventory_hostname", host.name());
        v.put("inventory_hostname_short", host.name().split("\\.")[0]);
        if (host.source() != null) {
            v.put("inventory_file", host.source().toString());
            v.put("inventory_dir", host.source().toAbsolutePath().getParent().toString());
        }
        v.put("group_names", inventory.groupNames(host));
        v.put("groups", groups);
        v.put("hostvars", new HostVarsView(inventory, this::forHost, templar));
        v.put("omit", Templar.OMIT);
        return v;
    }

    private Map<String, Object> playMagic(Play play) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("ansible_play_name", play.name() == null ? String.valueOf(play.hosts()) : play.name());
        List<String> roleNames = play.roleScopes().stream().map(rs -> rs.role().name()).distinct().toList();
        v.put("role_names", roleNames);
        v.put("ansible_role_names", roleNames);
        v.put("ansible_play_role_names", roleNames);
        return v;
    }

    private Map<String, Object> taskMagic(Task task) {
        Map<String, Object> v = new LinkedHashMap<>();
        Role role = task.role();
        List<String> search = new ArrayList<>();
        if (role != null) {
            v.put("role_name", role.name());
            v.put("role_path", role.path().toString());
            v.put("ansible_role_name", role.name());
            search.add(role.path().toString());
        }
        search.add(task.file().getParent().toString());
        if (play != null && !search.contains(play.dir().toString())) {
            search.add(play.dir().toString());
        }
        v.put("ansible_search_path", search);
        return v;
    }

    /** `groups`: every group's hosts, built once per inventory change rather than per task. */
    private Map<String, Object> groups() {
        Map<String, Object> out = new LinkedHashMap<>();
        inventory.groups().forEach((name, g) -> out.put(name, inventory.hostsOf(g).stream().map(Host::name).toList()));
        return out;
    }

    private Map<String, Object> varsFiles(Host host, Map<String, Object> soFar) {
        if (play.varsFiles().isEmpty()) {
            return Map.of();
        }
        return varsFilesCache.computeIfAbsent(host.name(), n -> loadVarsFiles(soFar));
    }

    private Map<String, Object> loadVarsFiles(Map<String, Object> soFar) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> context = new LinkedHashMap<>(soFar);
        context.putAll(extraVars);
        for (Object entry : play.varsFiles()) {
            List<Object> options = entry instanceof List<?> l ? new ArrayList<>(l) : List.of(entry);
            Optional<Path> found = options.stream()
                    .map(o -> play.dir().resolve(String.valueOf(templar.template(o, context))))
                    .filter(Files::isRegularFile).findFirst();
            if (found.isEmpty()) {
                throw new SourceError("vars file " + options.get(options.size() - 1) + " was not found", play.position());
            }
            Object data = YamlLoader.load(found.get());
            if (data != null && !(data instanceof Map)) {
                throw new SourceError("vars file " + found.get() + " must be a dictionary", new Position(found.get().toString(), 1, 1));
            }
            MergeVars.into(out, (Map<?, ?>) data);
            MergeVars.into(context, (Map<?, ?>) data);
        }
        return out;
    }
}
