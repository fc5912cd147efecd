package cnibench.module.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ModuleRegistry;
import cnibench.module.spi.ModuleResult;
import cnibench.report.CsvFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportModuleTest {
    private static final Path FIXTURES = Path.of("src/test/resources/report/egress-lab");

    @Test
    void writesSummaryAndReportIntoTheRunDirectory(@TempDir Path dir) throws Exception {
        Path run = copyRun("20261125T120000Z", dir);
        ModuleResult result = new TestModuleContext(dir).run(new ReportModule(),
                Map.of("run_dir", "results/egress-lab/20261125T120000Z", "title", "Egress lab", "baseline", "gateway"));

        assertTrue(result.isChanged());
        assertEquals(run.resolve("report.html").toString(), result.field("path"));
        assertEquals(run.resolve("summary.csv").toString(), result.field("summary"));
        assertEquals("-25", CsvFiles.read(run.resolve("summary.csv")).get(0).get("overhead_percent"));
        String html = Files.readString(run.resolve("report.html"));
        assertTrue(html.contains("<h1>Egress lab</h1>"));
        assertTrue(html.contains("baseline path &quot;gateway&quot;"));
    }

    @Test
    void comparesWithOtherRuns(@TempDir Path dir) throws Exception {
        copyRun("20261125T120000Z", dir);
        copyRun("20261125T130000Z", dir);
        ModuleResult result = new TestModuleContext(dir).run(new ReportModule(), Map.of(
                "run_dir", "results/egress-lab/20261125T130000Z",
                "compare_with", List.of("results/egress-lab/20261125T120000Z"),
                "output", "results/compare.html"));
        String html = Files.readString(dir.resolve("results/compare.html"));
        assertEquals(dir.resolve("results/compare.html").toString(), result.field("path"));
        assertTrue(html.indexOf("egress-lab 20261125T130000Z</th>") < html.indexOf("egress-lab 20261125T120000Z</th>"));
    }

    @Test
    void aMissingRunDirectoryFails(@TempDir Path dir) throws Exception {
        ModuleResult result = new TestModuleContext(dir).run(new ReportModule(), Map.of("run_dir", "results/none"));
        assertTrue(result.isFailed());
        assertEquals("run_dir " + dir.resolve("results/none") + " is not a directory", result.msg());
    }

    @Test
    void everyBenchModuleIsRegistered() {
        ModuleRegistry registry = ModuleRegistry.load();
        assertTrue(registry.find("report").orElseThrow() instanceof ReportModule);
        assertTrue(registry.find("cnibench.bench.report").orElseThrow() instanceof ReportModule);
        assertTrue(registry.find("prometheus_query").orElseThrow() instanceof PrometheusQueryModule);
        assertTrue(registry.contains("cnibench.bench.prometheus_query"));
    }

    private static Path copyRun(String name, Path dir) throws Exception {
        Path run = dir.resolve("results/egress-lab").resolve(name);
        Files.createDirectories(run);
        for (String file : List.of("run.json", "iperf.csv", "metrics.csv")) {
            Files.copy(FIXTURES.resolve(name).resolve(file), run.resolve(file));
        }
        return run;
    }
}
