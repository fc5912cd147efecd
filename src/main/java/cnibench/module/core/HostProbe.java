package cnibench.module.core;

import cnibench.connection.CommandRequest;
import cnibench.connection.CommandResult;
import cnibench.connection.Connection;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads what the setup module needs from a host in one shell run through its connection, so that a
 * network namespace reports its own interfaces and routes. The output is split into named sections.
 */
final class HostProbe {
    private static final String MARK = "@@cnibench@@";

    private static final String SCRIPT = """
            s() { printf '\\n%s%s\\n' '@@cnibench@@' "$1"; }
            s nodename; uname -n
            s fqdn; a=$(getent ahosts "$(uname -n)" 2>/dev/null | awk 'NR==1{print $1}'); [ -n "$a" ] && getent hosts "$a" | head -n1
            s uname; uname -s; uname -r; uname -v; uname -m
            s os_release; cat /etc/os-release 2>/dev/null || cat /usr/lib/os-release 2>/dev/null
            s debian_version; cat /etc/debian_version 2>/dev/null
            s cpuinfo; cat /proc/cpuinfo 2>/dev/null
            s nproc; nproc 2>/dev/null
            s meminfo; cat /proc/meminfo 2>/dev/null
            s uptime; cat /proc/uptime 2>/dev/null
            s loadavg; cat /proc/loadavg 2>/dev/null
            s cmdline; cat /proc/cmdline 2>/dev/null
            s lsb_release; cat /etc/lsb-release 2>/dev/null
            s lsb_bin; command -v lsb_release 2>/dev/null
            s fips; cat /proc/sys/crypto/fips_enabled 2>/dev/null
            s apparmor; [ -d /sys/kernel/security/apparmor ] && echo enabled
            s long_bit; getconf LONG_BIT 2>/dev/null
            s machine_id; cat /etc/machine-id 2>/dev/null || cat /var/lib/dbus/machine-id 2>/dev/null
            s resolv; cat /etc/resolv.conf 2>/dev/null
            s user; u=$(id -un); echo "$u"; id -u; id -g; getent passwd "$u"
            s init; cat /proc/1/comm 2>/dev/null
            s init_dirs; [ -d /run/systemd/system ] && echo systemd; [ -d /etc/init.d ] && echo init.d
            s pkg; for p in apt-get dnf yum zypper apk pacman; do command -v $p >/dev/null 2>&1 && echo $p; done
            s route4; ip -4 route get 8.8.8.8 2>/dev/null
            s route6; ip -6 route get 2404:6800:400a:800::1012 2>/dev/null
            s addr; ip -j addr 2>/dev/null
            s links; for d in /sys/class/net/*; do
              [ -d "$d" ] || continue; n=${d##*/}
              for f in address mtu operstate type flags speed; do
                read -r v < "$d/$f" 2>/dev/null && printf '%s\\t%s\\t%s\\n' "$n" "$f" "$v"
              done
              [ -e "$d/device" ] && l=$(readlink "$d/device") && printf '%s\\tpciid\\t%s\\n' "$n" "${l##*/}"
              [ -e "$d/device/driver/module" ] && l=$(readlink -f "$d/device/driver/module") && printf '%s\\tmodule\\t%s\\n' "$n" "${l##*/}"
              if [ -d "$d/bridge" ]; then
                read -r v < "$d/bridge/bridge_id"; printf '%s\\tbridge_id\\t%s\\n' "$n" "$v"
                read -r v < "$d/bridge/stp_state"; printf '%s\\tstp_state\\t%s\\n' "$n" "$v"
                printf '%s\\tbrif\\t' "$n"; for b in "$d"/brif/*; do [ -e "$b" ] && printf '%s ' "${b##*/}"; done; echo
              fi
            done
            s virt; [ -f /.dockerenv ] && echo dockerenv; [ -f /run/.containerenv ] && echo containerenv
              [ -e /dev/kvm ] && echo devkvm; tr '\\0' '\\n' < /proc/1/environ 2>/dev/null | grep '^container='
              grep -h -o -E 'docker|/lxc/|libpod' /proc/1/cgroup 2>/dev/null | sed 's/^/cgroup=/' | sort -u
              for f in product_name sys_vendor; do read -r v < /sys/class/dmi/id/$f 2>/dev/null && echo "dmi=$v"; done
            s python; p=$(command -v python3 || command -v python) && echo "$p" && "$p" --version 2>&1
            s env; env -0
            """;

    private HostProbe() {
    }

    /** The sections of the probe's output by name, each without its surrounding newlines. */
    static Map<String, String> run(Connection connection, int timeoutSeconds) throws IOException, InterruptedException {
        CommandResult ran = connection.exec(CommandRequest.shell(SCRIPT, null).withTimeout(Duration.ofSeconds(timeoutSeconds)));
        return sections(ran.stdout());
    }

    static Map<String, String> sections(String output) {
        Map<String, String> sections = new LinkedHashMap<>();
        String[] parts = output.split("\n" + MARK);
        for (int i = 1; i < parts.length; i++) {
            int eol = parts[i].indexOf('\n');
            String name = eol < 0 ? parts[i] : parts[i].substring(0, eol);
            String body = eol < 0 ? "" : parts[i].substring(eol + 1);
            sections.put(name, body.endsWith("\n") ? body.substring(0, body.length() - 1) : body);
        }
        return sections;
    }
}
