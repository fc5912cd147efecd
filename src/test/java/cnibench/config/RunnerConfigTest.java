package cnibench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerConfigTest {

    @Test
    void readsDefaultsRelativeToTheFileAndLetsTheEnvironmentWin(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("runner.cfg"), """
                # comment
                [defaults]
                inventory = inventory/local, inventory/lab
                roles_path = roles:/opt/roles
                forks = 7
                [ssh_connection]
                pipelining = True
                """);
        RunnerConfig config = RunnerConfig.load(dir, null, Map.of());
        assertEquals(List.of(dir.resolve("inventory/local").toString(), dir.resolve("inventory/lab").toString()), config.inventory());
        assertEquals(List.of(dir.resolve("roles"), Path.of("/opt/roles")), config.rolesPath());
        assertEquals(7, config.forks());
        assertEquals(3, RunnerConfig.load(dir, null, Map.of("ANSIBLE_FORKS", "3")).forks());
    }

    @Test
    void ansibleCfgIsUsedWhenThereIsNoRunnerCfg(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ansible.cfg"), "[defaults]\nforks = 9\n");
        assertEquals(9, RunnerConfig.load(dir, null, Map.of()).forks());
        assertEquals(5, RunnerConfig.load(dir.resolve("none"), null, Map.of()).forks());
    }

    @Test
    void aLineThatIsNotKeyValueIsAnErrorWithItsLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("runner.cfg"), "[defaults]\nforks 9\n");
        ConfigException e = assertThrows(ConfigException.class, () -> RunnerConfig.load(dir, null, Map.of()));
        assertTrue(e.getMessage().contains("runner.cfg:2:1"), e.getMessage());
    }
}
