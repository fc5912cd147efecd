package cnibench.module.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Against the real Prometheus binary, listening on 127.0.0.1 and scraping only itself. */
class PrometheusQueryRealServerTest {
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");

    @Test
    @Timeout(90)
    void queriesARunningPrometheus(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(PROMETHEUS), "prometheus is not installed");
        int port = Iperf3ModuleTest.freePort();
        String address = "127.0.0.1:" + port;
        Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: self
                    static_configs:
                      - targets: ['%s']
                """.formatted(address));
        Process prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=" + address)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        try {
            TestModuleContext context = new TestModuleContext(dir);
            PrometheusQueryModule module = new PrometheusQueryModule();
            ModuleResult scraped = context.run(module, Map.of("url", "http://" + address,
                    "query", "count(up{job=\"self\"} == 1)", "until_at_least", 1, "wait_timeout", 45));
            assertFalse(scraped.isFailed(), scraped.msg());
            assertEquals(1.0, scraped.field("value"));
            assertTrue((Integer) scraped.field("attempts") > 1, "Prometheus takes seconds to scrape its first target");
            ModuleResult result = context.run(module, Map.of("url", "http://" + address, "query", "up{job=\"self\"}", "timeout", 5));
            assertFalse(result.isFailed(), result.msg());
            Map<?, ?> row = (Map<?, ?>) ((List<?>) result.field("rows")).get(0);
            assertEquals(1.0, row.get("value"));
            assertEquals("self", row.get("job"));
            assertEquals(address, row.get("instance"));

            ModuleResult bad = context.run(module, Map.of("url", "http://" + address, "query", "rate(up"));
            assertEquals("bad_data", bad.field("error_type"));
        } finally {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
    }
}
