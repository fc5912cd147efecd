package cnibench.playbook;

import cnibench.module.spi.ModuleSpec;
import java.util.Set;

/**
 * Names that ansible-playbook 2.14 resolves to a module even when cnibench has none: the
 * ansible.builtin modules, the short names its routing table sends to ansible.posix and
 * community.general, and any collection's FQCN but cnibench's own. A task naming one of them is someone else's
 * content that Ansible would load, so it fails only when it runs; any other unknown name is an
 * error at load time, as in Ansible.
 */
final class AnsibleModuleNames {
    private static final Set<String> BUILTIN = Set.of("add_host", "apt", "apt_key", "apt_repository", "assemble",
            "assert", "async_status", "blockinfile", "command", "copy", "cron", "debconf", "debug", "dnf",
            "dpkg_selections", "expect", "fail", "fetch", "file", "find", "gather_facts", "get_url", "getent", "git",
            "group", "group_by", "hostname", "include_vars", "iptables", "known_hosts", "lineinfile", "package",
            "package_facts", "pause", "ping", "pip", "raw", "reboot", "replace", "rpm_key", "script", "service",
            "service_facts", "set_fact", "set_stats", "setup", "shell", "slurp", "stat", "subversion", "systemd",
            "systemd_service", "sysvinit", "tempfile", "template", "unarchive", "uri", "user",
            "validate_argument_spec", "wait_for", "wait_for_connection", "yum", "yum_repository");
    /** Short names the builtin routing table redirects to the collections most roles use. */
    private static final Set<String> ROUTED = Set.of("acl", "at", "authorized_key", "firewalld", "mount", "patch",
            "seboolean", "selinux", "synchronize", "sysctl", "pam_limits", "timezone", "ufw", "modprobe", "locale_gen",
            "alternatives", "ini_file", "archive", "make", "filesystem", "npm", "snap", "docker_container",
            "docker_image", "mysql_db", "mysql_user", "postgresql_db", "postgresql_user");

    private AnsibleModuleNames() {
    }

    /** True when ansible-playbook would find a module by this name. */
    static boolean known(String action) {
        String[] parts = action.split("\\.");
        if (parts.length == 1) {
            return BUILTIN.contains(action) || ROUTED.contains(action);
        }
        if (parts.length < 3 || parts[0].equals(ModuleSpec.OWN_NAMESPACE)) {
            // cnibench's own modules have one FQCN each; no other collection by that namespace exists
            return false;
        }
        boolean core = parts[0].equals("ansible") && (parts[1].equals("builtin") || parts[1].equals("legacy"));
        return !core || BUILTIN.contains(parts[parts.length - 1]);
    }
}
