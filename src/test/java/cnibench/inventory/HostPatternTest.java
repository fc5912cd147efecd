package cnibench.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.source.SourceError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Host patterns against `ansible -i FIXTURE PATTERN --list-hosts` (ansible-core 2.14), recorded in patterns.tsv. */
class HostPatternTest {

    static Stream<Arguments> recordedPatterns() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Fixtures.dir().resolve("expected/patterns.tsv"))) {
            String[] cols = line.split("\t", -1);
            List<String> hosts = cols[2].isEmpty() ? List.of() : Arrays.asList(cols[2].split(" "));
            rows.add(Arguments.of(cols[0], cols[1], hosts));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("recordedPatterns")
    void selectsWhatAnsibleListsHosts(String source, String pattern, List<String> expected) {
        Inventory inv = Fixtures.load(source);
        assertEquals(expected, names(HostPattern.select(inv, pattern)));
    }

    @Test
    void implicitLocalhostOnlyWhenTheInventoryLacksOne() {
        Inventory yaml = Fixtures.load("hosts.yml");
        Host local = yaml.select("localhost").get(0);
        assertTrue(local.implicit());
        assertEquals(List.of("jump", "gw", "prom", "cp1", "cp2", "node-a", "node-b"), names(yaml.select("all")),
                "all never includes the implicit localhost");
        Inventory ini = Fixtures.load("hosts.ini");
        Host explicit = ini.select("127.0.0.1").get(0);
        assertEquals("localhost", explicit.name(), "127.0.0.1 falls back to the inventory's own localhost");
        assertTrue(!explicit.implicit());
    }

    @Test
    void subscriptOutOfRangeIsAnError() {
        Inventory inv = Fixtures.load("hosts.ini");
        assertEquals("No hosts matched the subscripted pattern 'web[9]'",
                assertThrows(SourceError.class, () -> inv.select("web[9]")).getMessage());
    }

    @Test
    void limitKeepsOnlyHostsTheLimitSelects(@TempDir Path tmp) throws IOException {
        Inventory inv = Fixtures.load("hosts.ini");
        List<Host> web = inv.select("dc1");
        assertEquals(List.of("web02", "db-a"), names(HostPattern.limit(inv, web, "db-a,web02,localhost")));
        assertEquals(List.of("web01", "web02", "web03", "www.example.com"), names(HostPattern.limit(inv, web, "!db")));
        Path file = tmp.resolve("retry");
        Files.writeString(file, "web03\ndb-5\n\n");
        assertEquals(List.of("web03", "db-5"), names(HostPattern.limit(inv, web, "@" + file)));
        assertEquals(List.of("web03", "db-1", "db-5"), names(HostPattern.limit(inv, web, "@" + file + ",db-1")));
        Files.writeString(file, "\n\n");
        assertEquals(names(web), names(HostPattern.limit(inv, web, "@" + file)), "blank lines only: no limit, like Ansible");
        assertEquals("Unable to find limit file " + tmp.resolve("none"),
                assertThrows(SourceError.class, () -> HostPattern.limit(inv, web, "@" + tmp.resolve("none"))).getMessage());
    }

    @Test
    void splitsLikeSplitHostPattern() {
        assertEquals(List.of("a", "b[1]", "c[2:3]", "d"), HostPattern.split("a,b[1], c[2:3] , d"));
        assertEquals(List.of("web", "!db", "&x[1:2]"), HostPattern.split("web:!db:&x[1:2]"));
        assertEquals(List.of("host:22"), HostPattern.split("host:22"));
        assertEquals(List.of("fe80::1"), HostPattern.split("fe80::1"));
        assertEquals(List.of("web[1:3]"), HostPattern.split("web[1:3]"));
    }

    private static List<String> names(List<Host> hosts) {
        return hosts.stream().map(Host::name).toList();
    }
}
