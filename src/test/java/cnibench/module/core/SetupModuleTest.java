package cnibench.module.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** setup: live on this machine, and on canned probe output whose facts were checked against ansible 2.14. */
class SetupModuleTest {
    @TempDir
    Path dir;

    @Test
    void gathersThisMachinesFacts() throws Exception {
        ModuleResult r = new TestModuleContext(dir).run(new SetupModule(), Map.of());
        Map<String, Object> facts = r.facts();
        assertFalse(r.isChanged());
        assertEquals("Linux", facts.get("ansible_system"));
        assertEquals(Files.readString(Path.of("/proc/sys/kernel/hostname")).strip(), facts.get("ansible_nodename"));
        assertEquals(Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip(), facts.get("ansible_kernel"));
        assertEquals(System.getProperty("user.name"), facts.get("ansible_user_id"));
        assertEquals(System.getProperty("user.home"), facts.get("ansible_user_dir"));
        assertEquals(System.getenv("PATH"), ((Map<?, ?>) facts.get("ansible_env")).get("PATH"));
        assertTrue(((List<?>) facts.get("ansible_interfaces")).contains("lo"));
        Map<?, ?> lo = (Map<?, ?>) facts.get("ansible_lo");
        assertEquals(Map.of("address", "127.0.0.1", "broadcast", "", "netmask", "255.0.0.0", "network", "127.0.0.0", "prefix", "8"),
                lo.get("ipv4"));
        assertEquals("loopback", lo.get("type"));
        assertInstanceOf(Integer.class, facts.get("ansible_memtotal_mb"));
        assertInstanceOf(Integer.class, facts.get("ansible_processor_vcpus"));
        assertEquals(List.of("all"), facts.get("gather_subset"));
        assertEquals(true, facts.get("module_setup"));
        assertTrue(facts.keySet().stream().filter(k -> !k.equals("gather_subset") && !k.equals("module_setup"))
                .allMatch(k -> k.startsWith("ansible_")));
    }

    @Test
    void filterMatchesNamesWithOrWithoutPrefix() throws Exception {
        assertEquals(Set.of("ansible_hostname"),
                new TestModuleContext(dir).run(new SetupModule(), Map.of("filter", "hostname")).facts().keySet());
        Map<String, Object> memory = new TestModuleContext(dir).run(new SetupModule(),
                Map.of("filter", "ansible_*_mb", "gather_subset", List.of("!all", "!min", "hardware"))).facts();
        assertEquals(Set.of("ansible_memtotal_mb", "ansible_memfree_mb", "ansible_swaptotal_mb", "ansible_swapfree_mb",
                "ansible_memory_mb"), memory.keySet());
    }

    @Test
    void subsetsFollowAnsibleRules() {
        assertEquals(Set.of("platform", "distribution", "user", "env", "dns", "pkg_mgr", "service_mgr", "date_time",
                        "cmdline", "lsb", "fips", "apparmor", "python"),
                SetupModule.collectors(List.of("!all")));
        assertEquals(Set.of("network"), SetupModule.collectors(List.of("!all", "!min", "network")));
        assertTrue(SetupModule.collectors(List.of("all", "!hardware")).contains("network"));
        assertFalse(SetupModule.collectors(List.of("all", "!hardware")).contains("hardware"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SetupModule.collectors(List.of("bogus")))
                .getMessage().startsWith("Bad subset 'bogus' given to Ansible. gather_subset options allowed: all, "));
    }

    @Test
    void networkFactsFromIpJson() throws Exception {
        Map<String, String> probe = Map.of(
                "route4", "8.8.8.8 via 192.0.2.1 dev eth0 src 192.0.2.2 uid 0 \n    cache ",
                "route6", "2404:6800:400a:800::1012 from :: via fd00::1 dev eth0 src fd00::2 metric 1024 pref medium",
                "links", "eth0\taddress\t02:fc:00:00:00:01\neth0\tmtu\t1400\neth0\toperstate\tup\neth0\ttype\t1\n"
                        + "eth0\tflags\t0x1003\neth0\tspeed\t-1\neth0\tpciid\tvirtio2\n"
                        + "br-x\taddress\t12:34:56:78:9a:bc\nbr-x\tmtu\t1500\nbr-x\toperstate\tdown\nbr-x\ttype\t1\n"
                        + "br-x\tflags\t0x1103\nbr-x\tbridge_id\t8000.123456789abc\nbr-x\tstp_state\t0\nbr-x\tbrif\tveth1 veth2 ",
                "addr", """
                        [{"ifname":"eth0","addr_info":[
                          {"family":"inet","local":"192.0.2.2","prefixlen":24,"broadcast":"192.0.2.255","label":"eth0"},
                          {"family":"inet","local":"192.0.2.9","prefixlen":24,"secondary":true,"label":"eth0"},
                          {"family":"inet6","local":"fd00::2","prefixlen":64,"scope":"global"}]},
                         {"ifname":"br-x","addr_info":[{"family":"inet","local":"10.0.0.1","prefixlen":30,"label":"br-x:1"}]}]
                        """);
        Map<String, Object> facts = NetworkFacts.collect(probe);
        assertEquals(List.of("eth0", "br-x", "br-x_1"), facts.get("interfaces"));
        assertEquals(List.of("192.0.2.2", "192.0.2.9", "10.0.0.1"), facts.get("all_ipv4_addresses"));
        assertEquals(mapOf("address", "192.0.2.2", "alias", "eth0", "broadcast", "192.0.2.255", "gateway", "192.0.2.1",
                "interface", "eth0", "macaddress", "02:fc:00:00:00:01", "mtu", 1400, "netmask", "255.255.255.0",
                "network", "192.0.2.0", "prefix", "24", "type", "ether"), facts.get("default_ipv4"));
        assertEquals(Map.of("address", "fd00::2", "gateway", "fd00::1", "interface", "eth0", "macaddress", "02:fc:00:00:00:01",
                "mtu", 1400, "prefix", "64", "scope", "global", "type", "ether"), facts.get("default_ipv6"));
        Map<?, ?> eth0 = (Map<?, ?>) facts.get("eth0");
        assertEquals(true, eth0.get("active"));
        assertEquals(false, eth0.get("promisc"));
        assertEquals(-1, eth0.get("speed"));
        assertEquals("virtio2", eth0.get("pciid"));
        assertEquals("192.0.2.9", ((Map<?, ?>) ((List<?>) eth0.get("ipv4_secondaries")).get(0)).get("address"));
        Map<?, ?> bridge = (Map<?, ?>) facts.get("br_x");
        assertEquals("bridge", bridge.get("type"));
        assertEquals(List.of("veth1", "veth2"), bridge.get("interfaces"));
        assertEquals(true, bridge.get("promisc"));
        assertEquals(false, bridge.get("active"));
        assertEquals("10.0.0.1", ((Map<?, ?>) ((Map<?, ?>) facts.get("br_x_1")).get("ipv4")).get("address"));
    }

    @Test
    void hardwareFactsFromProc() {
        String cpu = "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC\nphysical id\t: 0\nsiblings\t: 2\n"
                + "core id\t\t: 0\ncpu cores\t: 2\n\nprocessor\t: 1\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC\n"
                + "physical id\t: 0\nsiblings\t: 2\ncore id\t\t: 1\ncpu cores\t: 2\n";
        String mem = "MemTotal:       24683520 kB\nMemFree:        23620608 kB\nBuffers: 1024 kB\nCached: 550000 kB\n"
                + "SwapCached: 0 kB\nSwapTotal: 0 kB\nSwapFree: 0 kB\n";
        Map<String, Object> facts = HardwareFacts.collect(Map.of("cpuinfo", cpu, "meminfo", mem, "nproc", "2", "uptime", "639.5 1200.1"));
        assertEquals(List.of("0", "AuthenticAMD", "AMD EPYC", "1", "AuthenticAMD", "AMD EPYC"), facts.get("processor"));
        assertEquals(1, facts.get("processor_count"));
        assertEquals(2, facts.get("processor_cores"));
        assertEquals(1, facts.get("processor_threads_per_core"));
        assertEquals(2, facts.get("processor_vcpus"));
        assertEquals(2, facts.get("processor_nproc"));
        assertEquals(24105, facts.get("memtotal_mb"));
        assertEquals(23067, facts.get("memfree_mb"));
        assertEquals(639, facts.get("uptime_seconds"));
        assertEquals(Map.of("real", Map.of("total", 24105, "used", 1038, "free", 23067),
                        "nocache", Map.of("free", 23605, "used", 500),
                        "swap", Map.of("total", 0, "free", 0, "used", 0, "cached", 0)), facts.get("memory_mb"));
    }

    @Test
    void platformFactsFromProbe() {
        Map<String, String> probe = new java.util.HashMap<>();
        putAll(probe,
                "nodename", "vm", "fqdn", "127.0.0.1       localhost",
                "uname", "Linux\n6.1.0\n#1 SMP\nx86_64",
                "os_release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\n"
                        + "VERSION_CODENAME=bookworm\nID=debian\n",
                "debian_version", "12.11",
                "user", "root\n0\n0\nroot:x:0:0:root:/root:/bin/bash",
                "resolv", "# comment\nnameserver 10.255.255.53\nsearch a.example b.example\noptions ndots:5 edns0\n",
                "init", "process_api", "init_dirs", "", "pkg", "apt-get",
                "env", "A=1\0B=x=y\0");
        Map<String, Object> facts = PlatformFacts.collect(probe);
        assertEquals("vm", facts.get("hostname"));
        assertEquals("localhost", facts.get("fqdn"));
        assertEquals("", facts.get("domain"));
        assertEquals("Debian", facts.get("distribution"));
        assertEquals("Debian", facts.get("os_family"));
        assertEquals("12.11", facts.get("distribution_version"));
        assertEquals("12", facts.get("distribution_major_version"));
        assertEquals("11", facts.get("distribution_minor_version"));
        assertEquals("bookworm", facts.get("distribution_release"));
        assertEquals("x86_64", facts.get("architecture"));
        assertEquals("#1 SMP", facts.get("kernel_version"));
        assertEquals("/root", facts.get("user_dir"));
        assertEquals("/bin/bash", facts.get("user_shell"));
        assertEquals(0, facts.get("user_uid"));
        assertEquals(Map.of("A", "1", "B", "x=y"), facts.get("env"));
        assertEquals(Map.of("nameservers", List.of("10.255.255.53"), "search", List.of("a.example", "b.example"),
                "options", Map.of("ndots", "5", "edns0", true)), facts.get("dns"));
        assertEquals("apt", facts.get("pkg_mgr"));
        assertEquals("process_api", facts.get("service_mgr"));
        assertEquals("systemd", PlatformFacts.collect(Map.of("init", "systemd", "init_dirs", "systemd\ninit.d")).get("service_mgr"));
    }

    @Test
    void dateTimeFieldsAsStrftime() {
        ZonedDateTime time = ZonedDateTime.of(2026, 11, 25, 13, 17, 31, 153_194_000, ZoneId.of("UTC"));
        Map<String, Object> dt = DateTimeFacts.of(time);
        assertEquals(Map.ofEntries(Map.entry("date", "2026-11-25"), Map.entry("day", "25"), Map.entry("epoch", "1795612651"),
                Map.entry("epoch_int", "1795612651"), Map.entry("hour", "13"), Map.entry("iso8601", "2026-11-25T13:17:31Z"),
                Map.entry("iso8601_basic", "20261125T131731153194"), Map.entry("iso8601_basic_short", "20261125T131731"),
                Map.entry("iso8601_micro", "2026-11-25T13:17:31.153194Z"), Map.entry("minute", "17"), Map.entry("month", "11"),
                Map.entry("second", "31"), Map.entry("time", "13:17:31"), Map.entry("tz", "UTC"), Map.entry("tz_dst", "UTC"),
                Map.entry("tz_offset", "+0000"), Map.entry("weekday", "Wednesday"), Map.entry("weekday_number", "3"),
                Map.entry("weeknumber", "47"), Map.entry("year", "2026")), dt);
        Map<String, Object> berlin = DateTimeFacts.of(ZonedDateTime.of(2026, 1, 4, 12, 0, 0, 0, ZoneId.of("Europe/Berlin")));
        assertEquals("CET", berlin.get("tz"));
        assertEquals("CEST", berlin.get("tz_dst"));
        assertEquals("+0100", berlin.get("tz_offset"));
        assertEquals("00", berlin.get("weeknumber"));
        assertEquals("0", berlin.get("weekday_number"));
        assertEquals("2026-01-04T11:00:00Z", berlin.get("iso8601"));
    }

    private static Map<String, Object> mapOf(Object... keysAndValues) {
        Map<String, Object> map = new java.util.HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static void putAll(Map<String, String> map, String... keysAndValues) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
    }

    @Test
    void fnmatchPatterns() {
        assertTrue(SetupModule.fnmatch("ansible_*_mb").matcher("ansible_memtotal_mb").matches());
        assertTrue(SetupModule.fnmatch("eth[0-9]").matcher("eth0").matches());
        assertFalse(SetupModule.fnmatch("eth[!0-9]").matcher("eth0").matches());
        assertFalse(SetupModule.fnmatch("a.b").matcher("axb").matches());
    }
}
