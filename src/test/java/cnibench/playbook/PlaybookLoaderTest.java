package cnibench.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ModuleRegistry;
import cnibench.source.SourceError;
import cnibench.template.Templar;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PlaybookLoaderTest {
    private static final Path DIR = Path.of("src/test/resources/loader").toAbsolutePath();
    private final PlaybookLoader loader = new PlaybookLoader(ModuleRegistry.load(), new Templar(), List.of());

    @Test
    void resolvesRolesDependenciesImportsAndHandlers() {
        Playbook pb = loader.load(DIR.resolve("good.yml"));
        Play play = pb.plays().get(0);
        List<String> roleTasks = play.roles().stream().flatMap(b -> b.allTasks().stream()).map(Task::displayName).toList();
        assertEquals(List.of("base : base task", "web : web task"), roleTasks);
        assertEquals("web : restart web", play.handlers().get(0).displayName());
        Task imported = play.tasks().get(0).allTasks().get(0);
        assertEquals("imported one", imported.name());
        assertEquals(List.of("imported"), imported.tags());
        Task kv = play.tasks().get(0).allTasks().get(1);
        assertEquals("echo hi", kv.args().get("_raw_params"));
        assertEquals("/tmp", kv.args().get("chdir"));
        assertInstanceOf(RoleScope.class, play.roles().get(1).parent());
    }

    @Test
    void aTaskKeepsTheModuleItsActionResolvedTo() {
        Play play = loader.load(DIR.resolve("good.yml")).plays().get(0);
        Task kv = play.tasks().get(0).allTasks().get(1);
        assertEquals("command", kv.module().orElseThrow().spec().name());
        Task include = play.tasks().get(0).allTasks().get(2);
        assertEquals("include_tasks", include.action());
        assertTrue(include.module().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not-a-list.yml   | 1 | A playbook must be a list of plays, got a dict instead",
        "bad-keyword.yml  | 2 | 'taks' is not a valid attribute for a Play",
        "no-module.yml    | 3 | no module/action detected in task.",
        "two-modules.yml  | 4 | conflicting action statements: debug, command",
        "misspelt.yml     | 3 | couldn't resolve module/action 'debgu'",
        "foreign-own-fqcn.yml | 3 | cnibench's own modules are named cnibench.bench.<name> or <name>.",
        "bad-arg.yml      | 5 | Unsupported parameters for (debug) module: colour",
        "bad-type.yml     | 5 | value of state must be one of",
        "missing-role.yml | 3 | the role 'nosuchrole' was not found",
        "missing-import.yml | 3 | Could not find or access",
        "bad-jinja.yml    | 4 | template error while templating string",
        "no-hosts.yml     | 1 | the field 'hosts' is required but was not set",
    })
    void rejectsBadInputWithItsPosition(String file, int line, String message) {
        SourceError e = assertThrows(SourceError.class, () -> loader.load(DIR.resolve(file)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(DIR.resolve(file).toString(), e.position().file());
        assertEquals(line, e.position().line(), e.render());
        assertTrue(e.render().contains("^ here"), e.render());
    }

    @Test
    void misspeltModuleGetsASuggestion() {
        SourceError e = assertThrows(SourceError.class, () -> loader.load(DIR.resolve("misspelt.yml")));
        assertTrue(e.getMessage().contains("Did you mean 'debug'?"), e.getMessage());
    }

    @Test
    void ownModulesAnswerToTheirShortNameAndOneFqcnOnly() {
        ModuleRegistry registry = ModuleRegistry.load();
        for (String name : List.of("iperf3", "k6", "http_load", "prometheus_query", "report", "kind_cluster",
                "azure_rm_aks_kubeconfig")) {
            assertEquals(List.of(name, "cnibench.bench." + name), registry.find(name).orElseThrow().spec().names());
        }
        SourceError e = assertThrows(SourceError.class, () -> loader.load(DIR.resolve("foreign-own-fqcn.yml")));
        assertTrue(e.getMessage().contains("Did you mean 'cnibench.bench.iperf3'?"), e.getMessage());
    }
}
