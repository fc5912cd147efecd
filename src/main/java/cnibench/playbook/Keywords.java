package cnibench.playbook;

import java.util.Set;

/** The keyword names Ansible 2.14 accepts on each kind of playbook object. */
public final class Keywords {
    /** Keywords every playbook object (play, role, block, task) takes. */
    public static final Set<String> COMMON = Set.of("name", "become", "become_user", "become_method", "become_flags",
            "become_exe", "check_mode", "collections", "connection", "debugger", "diff", "environment",
            "ignore_errors", "ignore_unreachable", "module_defaults", "no_log", "port", "remote_user", "run_once",
            "tags", "throttle", "timeout", "vars", "when", "any_errors_fatal", "delegate_to", "delegate_facts");

    public static final Set<String> TASK = union(COMMON, Set.of("action", "args", "async", "changed_when", "delay",
            "failed_when", "local_action", "loop", "loop_control", "notify", "poll", "register", "retries", "until"));

    public static final Set<String> HANDLER = union(TASK, Set.of("listen"));

    public static final Set<String> BLOCK = union(COMMON, Set.of("block", "rescue", "always", "notify"));

    public static final Set<String> PLAY = union(COMMON, Set.of("hosts", "vars_files", "vars_prompt", "roles",
            "tasks", "pre_tasks", "post_tasks", "handlers", "gather_facts", "gather_subset", "gather_timeout",
            "fact_path", "serial", "strategy", "max_fail_percentage", "force_handlers", "order"));

    /** Keywords a role reference in `roles:` takes besides its parameters. */
    public static final Set<String> ROLE_REF = union(COMMON, Set.of("role"));

    private Keywords() {
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
