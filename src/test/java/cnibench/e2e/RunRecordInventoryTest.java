package cnibench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * run.json names the inventory a run really read, as absolute paths (Ansible's ansible_inventory_sources): the
 * config's default, or an -i path wherever it was found (here, or in the cnibench home).
 */
class RunRecordInventoryTest {
    private static final Path PLAYBOOKS = Playbooks.PROJECT.resolve("bench/playbooks");

    @Test
    void withoutDashIItIsTheConfigsInventory(@TempDir Path results) throws IOException {
        ProcessOutcome run = Playbooks.run(List.of(Playbooks.PROJECT.resolve("runner").toString(), "play",
                PLAYBOOKS.resolve("empty.yml").toString()), Playbooks.PROJECT, results);
        assertEquals(0, run.exitCode(), run.all());
        assertEquals(List.of(Playbooks.PROJECT.resolve("inventory/local").toString()), recordedInventory(results));
    }

    @Test
    void aDashIPathFoundInTheHomeIsRecordedAsTheHomesAndTheRunSeesIt(@TempDir Path results) throws IOException {
        Path playbook = Files.writeString(results.resolve("sources.yml"),
                "- {hosts: localhost, gather_facts: false, tasks: [ansible.builtin.debug: {var: ansible_inventory_sources}]}\n");
        ProcessOutcome run = Playbooks.run(List.of(Playbooks.PROJECT.resolve("runner").toString(), "play",
                playbook.toString(), "-i", "inventory/lab"), results, results);
        assertEquals(0, run.exitCode(), run.all());
        String lab = Playbooks.PROJECT.resolve("inventory/lab").toString();
        assertEquals(List.of(lab), recordedInventory(results));
        assertTrue(run.stdout().contains("\"" + lab + "\""), run.all());
    }

    private static Object recordedInventory(Path results) throws IOException {
        try (Stream<Path> files = Files.walk(results)) {
            Path record = files.filter(f -> f.getFileName().toString().equals("run.json")).findFirst().orElseThrow();
            return new ObjectMapper().readValue(record.toFile(), Map.class).get("inventory");
        }
    }
}
