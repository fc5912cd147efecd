package cnibench.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cnibench.source.SourceError;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our --list, --graph and --host output against what ansible-inventory 2.14 printed for the same fixtures. */
class InventoryPrinterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"hosts.ini", "hosts.yml", "site"})
    void listEqualsAnsibleInventoryList(String source) throws Exception {
        String ours = new InventoryPrinter(Fixtures.load(source)).list();
        String theirs = Fixtures.expected(source + ".list.json");
        assertEquals(JSON.readTree(theirs), JSON.readTree(ours));
        assertEquals(theirs, ours, "same text, as json.dumps(indent=4, sort_keys=True) writes it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hosts.ini", "hosts.yml", "site"})
    void graphEqualsAnsibleInventoryGraph(String source) {
        assertEquals(Fixtures.expected(source + ".graph.txt"), new InventoryPrinter(Fixtures.load(source)).graph("all"));
    }

    @Test
    void hostEqualsAnsibleInventoryHost() throws Exception {
        assertEquals(Fixtures.expected("site.host-web01.json"), new InventoryPrinter(Fixtures.load("site")).host("web01"));
        assertEquals(Fixtures.expected("hosts.ini.host-www.json"),
                new InventoryPrinter(Fixtures.load("hosts.ini")).host("www.example.com"));
    }

    @Test
    void graphOfASubgroup() {
        assertEquals("@k8s:\n  |--@control:\n  |  |--cp1\n  |  |--cp2\n  |--@workers:\n  |  |--node-a\n  |  |--node-b\n  |  |--gw",
                new InventoryPrinter(Fixtures.load("hosts.yml")).graph("k8s"));
    }

    @Test
    void graphNeedsAGroupAndHostNeedsOneHost() {
        InventoryPrinter printer = new InventoryPrinter(Fixtures.load("hosts.yml"));
        assertEquals("Pattern must be valid group name when using --graph",
                assertThrows(SourceError.class, () -> printer.graph("nosuch")).getMessage());
        assertEquals("You must pass a single valid host to --host parameter",
                assertThrows(SourceError.class, () -> printer.host("k8s")).getMessage());
    }
}
