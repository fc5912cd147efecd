package cnibench.module.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.TestModuleContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sysctl, pam_limits and mount on files of their own (the oracle cases cover the common paths). */
class ConfigLineModulesTest {
    @TempDir
    Path tmp;

    @Test
    void sysctlKeepsAnEntryThatAlreadyHoldsTheValueAndDropsDuplicates() {
        List<String> spaced = List.of("vm.swappiness = 10\n");
        assertEquals(spaced, SysctlModule.edit(spaced, "vm.swappiness", "vm.swappiness=10"));
        List<String> twice = List.of("a.b=1\n", "# c\n", "a/b=2\n");
        assertEquals(List.of("a.b=3\n", "# c\n"), SysctlModule.edit(twice, "a.b", "a.b=3"));
        assertEquals(List.of("# c\n"), SysctlModule.edit(List.of("# c\n", "a.b=1\n"), "a.b", null));
    }

    @Test
    void sysctlInCheckModeWritesNothing() throws Exception {
        Path conf = tmp.resolve("sysctl.conf");
        var r = new TestModuleContext(tmp).check(true).run(new SysctlModule(),
                Args.of("name", "vm.swappiness", "value", "5", "sysctl_file", conf.toString(), "reload", false));
        assertTrue(r.isChanged());
        assertFalse(Files.exists(conf));
    }

    @Test
    void pamLimitsReplacesTheMatchingLineInPlace() throws Exception {
        Path limits = Files.writeString(tmp.resolve("limits.conf"), "# header\n*\thard\tcore\t0\nbench soft nofile 10\n@x - nproc 5\n");
        var r = new TestModuleContext(tmp).run(new PamLimitsModule(), Args.of("domain", "bench", "limit_type", "soft",
                "limit_item", "nofile", "value", "unlimited", "use_min", true, "dest", limits.toString()));
        assertFalse(r.isChanged());
        r = new TestModuleContext(tmp).run(new PamLimitsModule(), Args.of("domain", "bench", "limit_type", "soft",
                "limit_item", "nofile", "value", "20", "comment", "more", "dest", limits.toString()));
        assertTrue(r.isChanged());
        assertEquals("# header\n*\thard\tcore\t0\nbench\tsoft\tnofile\t20\t#more\n@x - nproc 5\n", Files.readString(limits));
    }

    @Test
    void mountRemovesTheEntryOfAMountPointFromItsFstab() throws Exception {
        Path fstab = Files.writeString(tmp.resolve("fstab"), "/dev/sda1 / ext4 defaults 0 1\ntmpfs /srv tmpfs defaults 0 0\n");
        var r = new TestModuleContext(tmp).run(new MountModule(), Args.of("path", "/srv", "state", "absent_from_fstab",
                "fstab", fstab.toString()));
        assertTrue(r.isChanged());
        assertEquals("/dev/sda1 / ext4 defaults 0 1\n", Files.readString(fstab));
        var again = new TestModuleContext(tmp).run(new MountModule(), Args.of("path", "/srv", "state", "absent_from_fstab",
                "fstab", fstab.toString()));
        assertFalse(again.isChanged());
    }

    @Test
    void virtualFactsOfAContainerAndOfAVirtualMachine() {
        Map<String, Object> docker = VirtualFacts.collect("dockerenv\ndevkvm\n");
        assertEquals("docker", docker.get("virtualization_type"));
        assertEquals("guest", docker.get("virtualization_role"));
        assertEquals(List.of("container", "docker"), docker.get("virtualization_tech_guest"));
        assertEquals(List.of("kvm"), docker.get("virtualization_tech_host"));
        Map<String, Object> vm = VirtualFacts.collect("dmi=Standard PC (Q35 + ICH9, 2009)\ndmi=QEMU\n");
        assertEquals("kvm", vm.get("virtualization_type"));
        Map<String, Object> bare = VirtualFacts.collect("");
        assertEquals("NA", bare.get("virtualization_type"));
        assertEquals("NA", bare.get("virtualization_role"));
    }
}
