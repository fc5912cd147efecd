package cnibench.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.source.Position;
import cnibench.source.SourceError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** group_vars/host_vars files and the layering of a host's inventory variables. */
class InventoryVarsTest {
    private static final Path LAYERS = Fixtures.dir().resolve("layers");

    @Test
    void inventoryLayersMatchAnsibleInventoryHost() {
        Inventory inv = InventoryLoader.load(List.of("layers/inv"), Fixtures.dir());
        assertEquals(Fixtures.expected("layers.host-web01.json"), new InventoryPrinter(inv).host("web01"));
    }

    /** What `ansible-playbook -i inv play/pb.yml` showed for these variables of web01. */
    @Test
    void playbookGroupVarsInterleaveAsVariableManagerDoes() {
        Inventory inv = InventoryLoader.load(List.of("layers/inv"), Fixtures.dir());
        Map<String, Object> vars = new InventoryVars(inv, new VarsFiles())
                .forHost(inv.hosts().get("web01"), List.of(LAYERS.resolve("play")));
        assertEquals(Map.of("a", "inv-all", "b", "play-web", "c", "inv-web-sub", "d", "play-web", "e", "inv-web",
                "g", "web-file", "h", "host-file", "h2", "play-host", "w", "inv-all"), new TreeMap<>(vars));
    }

    @Test
    void groupVarsDirectoryMergesSortedFilesRecursively() {
        Map<String, Object> web = new VarsFiles().groupVars(LAYERS.resolve("inv"), "web");
        assertEquals(Map.of("c", "inv-web-sub", "d", "inv-web", "e", "inv-web"), web,
                "hidden, ~ backups and .txt files are skipped; sub/ comes after a.yml");
    }

    @Test
    void firstCandidateWinsAndJsonIsRead() {
        VarsFiles files = new VarsFiles();
        Path site = Fixtures.dir().resolve("site");
        assertEquals(Map.of("layer", "db-noext-wins"), files.groupVars(site, "db"));
        assertEquals(Map.of("json_style", true, "count", 2), files.hostVars(site, "web02"));
        assertEquals(Map.of(), files.hostVars(site, "nobody"));
        assertEquals(Map.of(), files.groupVars(Fixtures.dir().resolve("bad"), "web"), "no group_vars dir at all");
    }

    @Test
    void eachFileIsReadOncePerInstance(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("group_vars/all.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x: 1\n");
        VarsFiles files = new VarsFiles();
        assertEquals(Map.of("x", 1), files.groupVars(tmp, "all"));
        Files.writeString(file, "x: 2\n");
        assertEquals(Map.of("x", 1), files.groupVars(tmp, "all"));
        assertEquals(Map.of("x", 2), new VarsFiles().groupVars(tmp, "all"));
    }

    @Test
    void aVarsFileThatIsNoMappingIsAnError(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("host_vars/h1.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# list\n- a\n- b\n");
        SourceError e = assertThrows(SourceError.class, () -> new VarsFiles().hostVars(tmp, "h1"));
        assertEquals(Position.of(file, 2, 1), e.position());
        assertTrue(e.getMessage().contains("expected a mapping of variables, got a list"), e.getMessage());
    }

    @Test
    void emptyVarsFileGivesNothing(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("group_vars"));
        Files.writeString(tmp.resolve("group_vars/all.yml"), "---\n");
        assertEquals(Map.of(), new VarsFiles().groupVars(tmp, "all"));
    }
}
