package cnibench.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.source.Position;
import cnibench.source.SourceError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InventoryLoaderTest {

    @Test
    void iniHostsGroupsRangesAndTypedValues() {
        Inventory inv = Fixtures.load("hosts.ini");
        assertEquals(List.of("localhost", "solo.example.com", "web01", "web02", "web03", "www.example.com",
                "db-a", "db-b", "db-c", "db-1", "db-5", "db-9"), List.copyOf(inv.hosts().keySet()));
        Map<String, Object> www = inv.hosts().get("www.example.com").vars();
        assertEquals("10.0.0.5", www.get("ansible_host"));
        assertEquals(Boolean.TRUE, www.get("enabled"));
        assertEquals(0.5, www.get("ratio"));
        assertEquals("two words", www.get("name"));
        assertEquals(2222, inv.hosts().get("solo.example.com").vars().get("ansible_port"));
        assertEquals(8080, inv.hosts().get("web02").vars().get("http_port"));
        Map<String, Object> web = inv.group("web").vars();
        assertEquals("proxy.example.com", web.get("proxy"));
        assertEquals(3, web.get("retries"));
        assertEquals(Arrays.asList(1, "two", null), web.get("flags"));
        assertEquals("0755", web.get("mode"), "0755 is no Python 3 literal, so it stays text");
        assertEquals(List.of("web", "db"), inv.group("dc1").children().stream().map(Group::name).toList());
        assertEquals(List.of("ungrouped", "dc1"), inv.all().children().stream().map(Group::name).toList());
        assertEquals(List.of("db", "dc1"), inv.groupNames(inv.hosts().get("db-5")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "web[01:03]|web01 web02 web03",
        "db-[a:c]|db-a db-b db-c",
        "n[1:10:4]|n1 n5 n9",
        "r[A:C]x|rAx rBx rCx",
        "h[1:2]-[a:b]|h1-a h1-b h2-a h2-b",
        "[:2]x|0x 1x 2x",
    })
    void rangesExpandLikeAnsible(String pattern, String names) {
        assertEquals(List.of(names.split(" ")), HostRanges.expand(pattern).names());
    }

    @Test
    void portsAndIpv6() {
        assertEquals(new HostRanges.Expanded(List.of("h1", "h2"), 22), HostRanges.expand("h[1:2]:22"));
        assertEquals(new HostRanges.Expanded(List.of("fe80::1"), null), HostRanges.expand("fe80::1"));
        assertEquals(new HostRanges.Expanded(List.of("fe80::1"), 2222), HostRanges.expand("[fe80::1]:2222"));
    }

    @Test
    void iniValuesAreLiteralEvalLike() {
        assertEquals(42, IniValue.parse("42"));
        assertEquals(-7, IniValue.parse("-7"));
        assertEquals(255, IniValue.parse("0xff"));
        assertEquals(1000.0, IniValue.parse("1e3"));
        assertEquals("it's", IniValue.parse("\"it's\""));
        assertEquals(Boolean.FALSE, IniValue.parse("False"));
        assertEquals("false", IniValue.parse("false"), "only Python's True/False are booleans");
        assertNull(IniValue.parse("None"));
        assertEquals(Map.of("a", List.of(1, 2)), IniValue.parse("{'a': [1, 2]}"));
        assertEquals("a=b", IniValue.parse("a=b"));
        assertEquals("[1, 2", IniValue.parse("[1, 2"));
    }

    @Test
    void yamlGroupsChildrenAndHostVars() {
        Inventory inv = Fixtures.load("hosts.yml");
        Host gw = inv.hosts().get("gw");
        assertEquals(Boolean.TRUE, gw.vars().get("egress"));
        assertEquals(List.of("workers", "monitoring"), gw.groups().stream().map(Group::name).toList());
        assertEquals(List.of("k8s", "monitoring", "workers"), inv.groupNames(gw));
        assertEquals("control-plane", inv.hosts().get("cp2").vars().get("role"));
        assertEquals(List.of("ungrouped", "k8s", "monitoring"), inv.all().children().stream().map(Group::name).toList());
        assertEquals(2, inv.group("workers").depth());
        assertEquals("antrea", inv.group("k8s").vars().get("cni"));
    }

    @Test
    void directorySourceSkipsIgnoredFilesAndRecordsSources() {
        Inventory inv = Fixtures.load("site");
        Path site = Fixtures.dir().resolve("site");
        assertEquals(List.of("web01", "web02", "db01", "redis1"), List.copyOf(inv.hosts().keySet()),
                "old.ini, ignored.retry and the 01-static~ backup are ignored in a directory");
        assertEquals(List.of(site), inv.sourceDirs());
        assertEquals(site.resolve("01-static"), inv.hosts().get("web01").source(), "first source wins");
        assertEquals(site.resolve("02-extra.yml"), inv.hosts().get("redis1").source());
        assertEquals(5, inv.group("app").priority());
        assertFalse(inv.group("app").vars().containsKey("ansible_group_priority"));
    }

    @Test
    void fileSourcesRecordTheirDirectory() {
        Inventory inv = Fixtures.load("hosts.ini", "hosts.yml");
        assertEquals(List.of(Fixtures.dir(), Fixtures.dir()), inv.sourceDirs());
        assertEquals(Fixtures.dir().resolve("hosts.yml"), inv.hosts().get("gw").source());
    }

    @Test
    void hostListsGoToUngrouped() {
        Inventory inv = InventoryLoader.load(List.of("localhost,", "a, b:2222 ,c[1:2]"), Path.of("/"));
        assertEquals(List.of("localhost", "a", "b", "c[1:2]"), List.copyOf(inv.hosts().keySet()));
        assertEquals(2222, inv.hosts().get("b").vars().get("ansible_port"));
        assertTrue(inv.hosts().values().stream().allMatch(h -> h.groups().equals(java.util.Set.of(inv.group("ungrouped")))));
        assertTrue(inv.sourceDirs().isEmpty());
        assertNull(inv.hosts().get("a").source());
    }

    @Test
    void extensionlessYamlIsReadAsYaml(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("hosts"), "web:\n  hosts:\n    w1:\n      x: 1\n");
        Files.writeString(tmp.resolve("inihosts"), "w2 x=2\n[g]\nw3\n");
        Inventory inv = InventoryLoader.load(List.of("hosts", "inihosts"), tmp);
        assertEquals(1, inv.hosts().get("w1").vars().get("x"));
        assertEquals(2, inv.hosts().get("w2").vars().get("x"));
        assertEquals(List.of("w3"), inv.group("g").hosts().stream().map(Host::name).toList());
    }

    @Test
    void pendingChildrenAreLinkedWhenDeclaredLater(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("inv.ini"), "[top:children]\nmid\n[mid:children]\nleaf\n[leaf]\nh1\n[mid:vars]\nm=1\n");
        Inventory inv = InventoryLoader.load(List.of("inv.ini"), tmp);
        assertEquals(List.of("ungrouped", "top"), inv.all().children().stream().map(Group::name).toList());
        assertEquals(List.of("leaf", "mid", "top"), inv.groupNames(inv.hosts().get("h1")));
        assertEquals(3, inv.group("leaf").depth());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown-section.ini|4|1|Section [web:unknownsuffix] has unknown type: unknownsuffix",
        "host-var-syntax.ini|3|22|Expected key=value host variable assignment, got: stray",
        "child-not-a-group.ini|6|1|Expected group name, got: db02 ansible_host=1.2.3.4",
        "undefined-child.ini|2|1|Section [dc:children] includes undefined group: db",
        "vars-undefined-group.ini|1|1|Section [ghost:vars] not valid for undefined group: ghost",
        "bad-range.ini|2|1|host range must specify equal-length begin and end formats",
        "unclosed-quote.ini|2|1|Error parsing host definition 'web01 motd=\"unclosed': No closing quotation",
        "loop.ini|5|1|Adding group 'a' as child to 'b' creates a recursive dependency loop.",
        "spaced-section.ini|1|1|Invalid section entry: '[web ]'. Please make sure that there are no spaces in the"
                + " section entry, and that there are no other invalid characters",
        "host-is-list.yml|6|11|Invalid data for host 'web01', expected a mapping of host variables and got: list",
        "hosts-is-list.yml|5|9|Invalid \"hosts\" entry for \"web\" group, requires a dictionary, found \"list\" instead.",
        "unknown-key.yml|4|7|Unexpected key (host) in group (web), only \"vars\", \"children\" and \"hosts\" are valid",
        "top-list.yml|1|1|YAML inventory has invalid structure, it should be a dictionary, got: list",
    })
    void malformedInventoryIsAnErrorAtItsPosition(String file, int line, int column, String message) {
        Path path = Fixtures.dir().resolve("bad").resolve(file);
        SourceError e = assertThrows(SourceError.class, () -> Fixtures.load("bad/" + file));
        assertEquals(message, e.getMessage());
        assertEquals(Position.of(path, line, column), e.position());
    }

    @Test
    void yamlSyntaxErrorKeepsTheLoaderPosition() {
        SourceError e = assertThrows(SourceError.class, () -> Fixtures.load("bad/syntax-error.yml"));
        assertTrue(e.getMessage().startsWith("Syntax Error while loading YAML."), e.getMessage());
        assertEquals(Fixtures.dir().resolve("bad/syntax-error.yml").toString(), e.position().file());
        assertEquals(4, e.position().line());
    }

    @Test
    void unreadableSourceIsAnError() {
        SourceError e = assertThrows(SourceError.class, () -> InventoryLoader.load(List.of("/nonexistent/x"), Path.of("/")));
        assertEquals("Unable to parse /nonexistent/x as an inventory source", e.getMessage());
    }
}
