package cnibench.module.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.connection.CommandRequest;
import cnibench.connection.CommandResult;
import cnibench.connection.Connection;
import cnibench.connection.LocalConnection;
import cnibench.module.spi.ArgumentValidator;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import cnibench.report.CsvFiles;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host that is not local (a lab namespace) gets the load from a child JVM started through its
 * connection. Here the connection is a stand-in of another type that runs commands on this machine.
 */
class HttpLoadChildJvmTest {
    @TempDir
    Path dir;

    /** Runs commands here, records them, and calls itself something other than local. */
    private static final class ElsewhereConnection implements Connection {
        final List<CommandRequest> requests = new CopyOnWriteArrayList<>();
        private final LocalConnection local = new LocalConnection();

        @Override
        public String type() {
            return "netns";
        }

        @Override
        public CommandResult exec(CommandRequest request) throws IOException {
            requests.add(request);
            return local.exec(request);
        }

        @Override
        public Path path(String name) {
            return Path.of(name);
        }
    }

    private ModuleContext elsewhere(ElsewhereConnection connection) {
        TestModuleContext base = new TestModuleContext(dir);
        return (ModuleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ModuleContext.class}, (proxy, method, args) -> method.getName().equals("connection")
                        ? connection : method.invoke(base, args));
    }

    @Test
    @SuppressWarnings("unchecked")
    void runsTheLoadInAChildJvmThroughTheConnection() throws Exception {
        ElsewhereConnection connection = new ElsewhereConnection();
        HttpLoadModule module = new HttpLoadModule();
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("a", 0.9);
        expected.put("b", 0.1);
        expected.put("c", 0.0);
        try (LoopbackHttpServer server = LoopbackHttpServer.split(10)) {
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("url", server.url());
            args.put("requests", 300);
            args.put("connections", 3);
            args.put("label", "Hostname: ([\\w.-]+)");
            args.put("expected_shares", expected);
            args.put("csv_dest", "results/split.csv");
            args.put("csv_labels", Map.of("stage", 10));
            ArgumentValidator.checkStatic(module.spec(), args);
            ModuleResult result = module.run(elsewhere(connection), ArgumentValidator.validate(module.spec(), args));

            assertFalse(result.isFailed(), result.msg());
            assertTrue(result.isChanged());
            assertEquals(300L, server.requests());
            Map<String, Object> counts = (Map<String, Object>) result.field("counts");
            assertEquals(List.of("a", "b", "c"), List.copyOf(counts.keySet()));
            assertEquals(270, ((Number) counts.get("a")).intValue());
            assertEquals(30, ((Number) counts.get("b")).intValue());
            assertEquals(0, ((Number) counts.get("c")).intValue());
            assertTrue(result.msg().startsWith("300 requests in "), result.msg());

            CommandRequest child = connection.requests.get(0);
            assertEquals(HttpLoadChild.class.getName(), child.argv().get(child.argv().size() - 1));
            assertTrue(child.argv().contains("-XX:+UseSerialGC"));
            assertTrue(child.stdin().contains("\"url\":\"" + server.url() + "\""), child.stdin());
            // the child wrote the CSV itself, to the path resolved against the playbook directory
            assertEquals(3, CsvFiles.read(dir.resolve("results/split.csv")).size());
        }
    }

    @Test
    void aChildThatCannotReachAnythingFailsWithTheUrl() throws Exception {
        ElsewhereConnection connection = new ElsewhereConnection();
        HttpLoadModule module = new HttpLoadModule();
        Map<String, Object> args = Map.of("url", "http://127.0.0.1:1/", "requests", 20);
        ModuleResult result = module.run(elsewhere(connection), ArgumentValidator.validate(module.spec(), args));
        assertTrue(result.isFailed());
        assertTrue(result.msg().startsWith("http_load http://127.0.0.1:1/: every one of 20 requests failed: connect"), result.msg());
    }
}
