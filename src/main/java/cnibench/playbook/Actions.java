package cnibench.playbook;

import java.util.Set;

/** Actions the executor carries out itself rather than through a module. */
public final class Actions {
    public static final Set<String> INCLUDE_TASKS = Set.of("include_tasks", "ansible.builtin.include_tasks",
            "ansible.legacy.include_tasks", "include", "ansible.builtin.include");
    public static final Set<String> IMPORT_TASKS = Set.of("import_tasks", "ansible.builtin.import_tasks",
            "ansible.legacy.import_tasks");
    public static final Set<String> INCLUDE_ROLE = Set.of("include_role", "ansible.builtin.include_role",
            "ansible.legacy.include_role");
    public static final Set<String> IMPORT_ROLE = Set.of("import_role", "ansible.builtin.import_role",
            "ansible.legacy.import_role");
    public static final Set<String> META = Set.of("meta", "ansible.builtin.meta", "ansible.legacy.meta");
    public static final Set<String> IMPORT_PLAYBOOK = Set.of("import_playbook", "ansible.builtin.import_playbook");

    /** Actions that take a free-form string (kept as _raw_params); the old include takes key=value parameters after its file. */
    public static final Set<String> FREE_FORM = Set.of("include_tasks", "import_tasks", "meta",
            "include_vars", "command", "shell", "raw", "script", "win_command", "win_shell");

    /** Modules that may be given words that are not key=value (Ansible's RAW_PARAM_MODULES). */
    public static final Set<String> EXTRA_PARAMS = Set.of("add_host", "command", "group_by", "import_role",
            "import_tasks", "include", "include_role", "include_tasks", "include_vars", "meta", "raw", "script",
            "set_fact", "shell", "win_command", "win_shell");

    private Actions() {
    }

    public static boolean isExecutorAction(String action) {
        return INCLUDE_TASKS.contains(action) || IMPORT_TASKS.contains(action) || INCLUDE_ROLE.contains(action)
                || IMPORT_ROLE.contains(action) || META.contains(action);
    }
}
