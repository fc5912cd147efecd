package cnibench.module.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts of Ansible's "min" subset that cnibench gathers: host names, kernel, distribution, user,
 * environment, DNS, package and service manager. Keys are without the ansible_ prefix.
 */
final class PlatformFacts {
    private static final Map<String, String> DISTRIBUTIONS = Map.ofEntries(
            Map.entry("debian", "Debian"), Map.entry("ubuntu", "Ubuntu"), Map.entry("linuxmint", "Linux Mint"),
            Map.entry("kali", "Kali"), Map.entry("raspbian", "Debian"), Map.entry("pop", "Pop!_OS"),
            Map.entry("centos", "CentOS"), Map.entry("rhel", "RedHat"), Map.entry("fedora", "Fedora"),
            Map.entry("rocky", "Rocky"), Map.entry("almalinux", "AlmaLinux"), Map.entry("amzn", "Amazon"),
            Map.entry("ol", "OracleLinux"), Map.entry("alpine", "Alpine"), Map.entry("arch", "Archlinux"),
            Map.entry("opensuse-leap", "openSUSE Leap"), Map.entry("opensuse-tumbleweed", "openSUSE Tumbleweed"),
            Map.entry("sles", "SLES"));
    private static final Map<String, String> FAMILIES = Map.ofEntries(
            Map.entry("Debian", "Debian"), Map.entry("Ubuntu", "Debian"), Map.entry("Linux Mint", "Debian"),
            Map.entry("Kali", "Debian"), Map.entry("Pop!_OS", "Debian"), Map.entry("CentOS", "RedHat"),
            Map.entry("RedHat", "RedHat"), Map.entry("Fedora", "RedHat"), Map.entry("Rocky", "RedHat"),
            Map.entry("AlmaLinux", "RedHat"), Map.entry("Amazon", "RedHat"), Map.entry("OracleLinux", "RedHat"),
            Map.entry("Alpine", "Alpine"), Map.entry("Archlinux", "Archlinux"), Map.entry("openSUSE Leap", "Suse"),
            Map.entry("openSUSE Tumbleweed", "Suse"), Map.entry("SLES", "Suse"));
    private static final Map<String, String> PACKAGE_MANAGERS = Map.of("apt-get", "apt", "dnf", "dnf", "yum", "yum",
            "zypper", "zypper", "apk", "apk", "pacman", "pacman");

    private PlatformFacts() {
    }

    static Map<String, Object> collect(Map<String, String> probe) {
        Map<String, Object> facts = new LinkedHashMap<>();
        names(probe, facts);
        kernel(probe, facts);
        distribution(probe, facts);
        user(probe, facts);
        facts.put("env", environment(probe.getOrDefault("env", "")));
        facts.put("dns", dns(probe.getOrDefault("resolv", "")));
        facts.put("machine_id", probe.getOrDefault("machine_id", "").strip());
        facts.put("pkg_mgr", packageManager(probe.getOrDefault("pkg", "")));
        facts.put("service_mgr", serviceManager(probe.getOrDefault("init", "").strip(), probe.getOrDefault("init_dirs", "")));
        String cmdline = probe.getOrDefault("cmdline", "").strip();
        if (!cmdline.isEmpty()) {
            facts.put("cmdline", cmdline(cmdline, false));
            facts.put("proc_cmdline", cmdline(cmdline, true));
        }
        facts.put("lsb", lsb(probe));
        facts.put("fips", probe.getOrDefault("fips", "").strip().equals("1"));
        facts.put("apparmor", Map.of("status", probe.getOrDefault("apparmor", "").isBlank() ? "disabled" : "enabled"));
        return facts;
    }

    /** /proc/cmdline as a dict: flags are true, key=value pairs keep their value (all values of a repeated key when asked). */
    private static Map<String, Object> cmdline(String text, boolean collectRepeats) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String piece : text.split("\\s+")) {
            String[] kv = piece.split("=", 2);
            if (kv.length == 1) {
                out.put(kv[0], true);
            } else if (collectRepeats && out.get(kv[0]) instanceof List<?> list) {
                List<Object> values = new ArrayList<>(list);
                values.add(kv[1]);
                out.put(kv[0], values);
            } else if (collectRepeats && out.containsKey(kv[0])) {
                out.put(kv[0], new ArrayList<>(List.of(out.get(kv[0]), kv[1])));
            } else {
                out.put(kv[0], kv[1]);
            }
        }
        return out;
    }

    /**
     * ansible_lsb from /etc/lsb-release; where only the lsb_release program exists, from os-release, which
     * is what that program reports on Debian.
     */
    private static Map<String, Object> lsb(Map<String, String> probe) {
        Map<String, Object> lsb = new LinkedHashMap<>();
        Map<String, String> file = keyValues(probe.getOrDefault("lsb_release", ""));
        if (!file.isEmpty()) {
            putIfPresent(lsb, "id", file.get("DISTRIB_ID"));
            putIfPresent(lsb, "release", file.get("DISTRIB_RELEASE"));
            putIfPresent(lsb, "description", file.get("DISTRIB_DESCRIPTION"));
            putIfPresent(lsb, "codename", file.get("DISTRIB_CODENAME"));
        } else if (!probe.getOrDefault("lsb_bin", "").isBlank()) {
            Map<String, String> os = keyValues(probe.getOrDefault("os_release", ""));
            putIfPresent(lsb, "id", DISTRIBUTIONS.getOrDefault(os.getOrDefault("ID", ""), os.get("NAME")));
            putIfPresent(lsb, "description", os.get("PRETTY_NAME"));
            putIfPresent(lsb, "release", os.get("VERSION_ID"));
            putIfPresent(lsb, "codename", os.get("VERSION_CODENAME"));
        }
        if (lsb.containsKey("release")) {
            lsb.put("major_release", String.valueOf(lsb.get("release")).split("\\.")[0]);
        }
        return lsb;
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static void names(Map<String, String> probe, Map<String, Object> facts) {
        String node = probe.getOrDefault("nodename", "").strip();
        // socket.getfqdn(): the first dotted name of the reverse lookup, else its primary name
        String[] reverse = probe.getOrDefault("fqdn", "").strip().split("\\s+");
        String fqdn = node;
        if (reverse.length > 1) {
            fqdn = reverse[1];
            for (int i = 1; i < reverse.length; i++) {
                if (reverse[i].contains(".")) {
                    fqdn = reverse[i];
                    break;
                }
            }
        }
        facts.put("hostname", node.split("\\.")[0]);
        facts.put("nodename", node);
        facts.put("fqdn", fqdn);
        facts.put("domain", fqdn.contains(".") ? fqdn.substring(fqdn.indexOf('.') + 1) : "");
    }

    private static void kernel(Map<String, String> probe, Map<String, Object> facts) {
        List<String> uname = lines(probe.getOrDefault("uname", ""));
        String machine = uname.size() > 3 ? uname.get(3) : "";
        facts.put("system", uname.isEmpty() ? "" : uname.get(0));
        facts.put("kernel", uname.size() > 1 ? uname.get(1) : "");
        facts.put("kernel_version", uname.size() > 2 ? uname.get(2) : "");
        facts.put("machine", machine);
        facts.put("architecture", machine);
        String bits = probe.getOrDefault("long_bit", "").strip();
        if (!bits.isEmpty()) {
            facts.put("userspace_bits", bits);
            if (machine.equals("x86_64") || machine.equals("i386") || machine.equals("i686")) {
                facts.put("userspace_architecture", bits.equals("64") ? "x86_64" : "i386");
            }
        }
    }

    private static void distribution(Map<String, String> probe, Map<String, Object> facts) {
        Map<String, String> os = keyValues(probe.getOrDefault("os_release", ""));
        String id = os.getOrDefault("ID", "");
        String name = DISTRIBUTIONS.getOrDefault(id, os.getOrDefault("NAME", "NA").split(" ")[0]);
        String version = os.getOrDefault("VERSION_ID", "NA");
        String debianVersion = probe.getOrDefault("debian_version", "").strip();
        if (id.equals("debian") && !debianVersion.isEmpty() && Character.isDigit(debianVersion.charAt(0))) {
            // Ansible reads Debian's point release from /etc/debian_version
            version = debianVersion;
        }
        String[] parts = version.split("\\.");
        facts.put("distribution", name);
        facts.put("distribution_version", version);
        facts.put("distribution_major_version", parts[0]);
        if (parts.length > 1) {
            facts.put("distribution_minor_version", parts[1]);
        }
        facts.put("distribution_release", os.getOrDefault("VERSION_CODENAME", os.getOrDefault("UBUNTU_CODENAME", "NA")));
        facts.put("os_family", FAMILIES.getOrDefault(name, name));
    }

    private static void user(Map<String, String> probe, Map<String, Object> facts) {
        List<String> user = lines(probe.getOrDefault("user", ""));
        if (user.size() < 3) {
            return;
        }
        // commands run through the connection are not setuid: real and effective ids are the same
        int uid = Integer.parseInt(user.get(1));
        int gid = Integer.parseInt(user.get(2));
        facts.put("user_id", user.get(0));
        facts.put("user_uid", uid);
        facts.put("user_gid", gid);
        facts.put("real_user_id", uid);
        facts.put("effective_user_id", uid);
        facts.put("real_group_id", gid);
        facts.put("effective_group_id", gid);
        if (user.size() > 3) {
            String[] passwd = user.get(3).split(":", -1);
            if (passwd.length >= 7) {
                facts.put("user_gecos", passwd[4]);
                facts.put("user_dir", passwd[5]);
                facts.put("user_shell", passwd[6]);
            }
        }
    }

    private static Map<String, Object> environment(String nulSeparated) {
        Map<String, Object> env = new LinkedHashMap<>();
        for (String entry : nulSeparated.split("\0")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                env.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return env;
    }

    /** resolv.conf as Ansible's dns collector reads it: nameservers, domain, search, sortlist, options. */
    private static Map<String, Object> dns(String resolv) {
        Map<String, Object> dns = new LinkedHashMap<>();
        List<String> nameservers = new ArrayList<>();
        for (String line : lines(resolv)) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 2 || f[0].startsWith("#") || f[0].startsWith(";")) {
                continue;
            }
            switch (f[0]) {
                case "nameserver" -> nameservers.add(f[1]);
                case "domain" -> dns.put("domain", f[1]);
                case "search", "sortlist" -> dns.put(f[0], List.of(f).subList(1, f.length));
                case "options" -> {
                    Map<String, Object> options = new LinkedHashMap<>();
                    for (int i = 1; i < f.length; i++) {
                        String[] kv = f[i].split(":", 2);
                        options.put(kv[0], kv.length > 1 ? kv[1] : true);
                    }
                    dns.put("options", options);
                }
                default -> {
                }
            }
        }
        if (!nameservers.isEmpty()) {
            dns.put("nameservers", nameservers);
        }
        return dns;
    }

    private static String packageManager(String found) {
        List<String> present = lines(found);
        return present.isEmpty() ? "unknown" : PACKAGE_MANAGERS.get(present.get(0));
    }

    /** Ansible's service_mgr: systemd when booted with it, else PID 1's name, else sysvinit or service. */
    private static String serviceManager(String init, String dirs) {
        if (dirs.contains("systemd")) {
            return "systemd";
        }
        if (!init.isEmpty() && !init.equals("init") && !init.endsWith("sh")) {
            return init;
        }
        return dirs.contains("init.d") ? "sysvinit" : "service";
    }

    static Map<String, String> keyValues(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines(text)) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                String value = line.substring(eq + 1).strip();
                if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'")) && value.endsWith(value.substring(0, 1))) {
                    value = value.substring(1, value.length() - 1);
                }
                out.put(line.substring(0, eq).strip(), value);
            }
        }
        return out;
    }

    static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
