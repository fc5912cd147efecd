package cnibench.module.core;

import cnibench.text.OrderedStrings;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The virtual facts of a Linux host, from the probe's `virt` section: container markers first
 * (docker, podman, lxc), then the DMI product and vendor of a virtual machine, as Ansible's
 * LinuxVirtual looks for them; "NA" when nothing is found. /dev/kvm makes the host a kvm host.
 */
final class VirtualFacts {
    private static final Map<String, String> MACHINES = OrderedStrings.of(
            "KVM", "kvm",
            "QEMU", "kvm",
            "Standard PC", "kvm",
            "VMware", "VMware",
            "VirtualBox", "virtualbox",
            "Microsoft Corporation", "VirtualPC",
            "Amazon EC2", "amazon",
            "Google", "kvm",
            "OpenStack", "openstack",
            "Xen", "xen",
            "Parallels", "parallels");

    private VirtualFacts() {
    }

    static Map<String, Object> collect(String probe) {
        List<String> lines = probe.lines().map(String::strip).toList();
        Set<String> guest = new LinkedHashSet<>();
        Set<String> host = new LinkedHashSet<>();
        String type = null;
        if (lines.contains("dockerenv") || lines.contains("cgroup=docker")) {
            type = "docker";
        } else if (lines.contains("containerenv") || lines.contains("container=podman") || lines.contains("cgroup=libpod")) {
            type = "podman";
        } else if (lines.contains("cgroup=/lxc/") || lines.contains("container=lxc")) {
            type = "lxc";
        } else if (lines.contains("container=systemd-nspawn")) {
            type = "systemd-nspawn";
        }
        if (type != null) {
            guest.add("container");
            guest.add(type);
        }
        for (String line : lines) {
            if (type == null && line.startsWith("dmi=")) {
                String dmi = line.substring(4);
                for (Map.Entry<String, String> m : MACHINES.entrySet()) {
                    if (dmi.contains(m.getKey())) {
                        type = m.getValue();
                        guest.add(type);
                        break;
                    }
                }
            }
        }
        if (lines.contains("devkvm")) {
            host.add("kvm");
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("virtualization_type", type != null ? type : host.isEmpty() ? "NA" : "kvm");
        facts.put("virtualization_role", type != null ? "guest" : host.isEmpty() ? "NA" : "host");
        facts.put("virtualization_tech_guest", List.copyOf(guest));
        facts.put("virtualization_tech_host", List.copyOf(host));
        return facts;
    }
}
