package cnibench.module.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a stand-in `k6` (there is no k6 on this machine): it records its arguments, writes a summary in the format
 * of `k6 run --summary-export` and prints console lines as k6 does, 19 answers from one backend and 1 from another.
 */
class K6ModuleTest {
    private static final Path SUMMARY = Path.of("src/test/resources/k6/summary.json").toAbsolutePath();
    private final K6Module module = new K6Module();
    private Path dir;
    private Path standIn;

    @BeforeEach
    void standIn(@TempDir Path dir) throws Exception {
        this.dir = dir;
        standIn = dir.resolve("k6");
        Files.writeString(standIn, """
                #!/bin/sh
                printf '%s\\n' "$@" > "$K6_ARGS"
                if [ -n "$K6_FAIL" ]; then echo "$K6_FAIL" >&2; exit 107; fi
                while [ $# -gt 0 ]; do
                  if [ "$1" = --summary-export ]; then cp "$K6_SUMMARY" "$2"; fi
                  shift
                done
                i=0
                while [ $i -lt 19 ]; do
                  echo 'time="2026-11-25T10:00:00Z" level=info msg="[2026-11-25T10:00:00.123Z] Hostname: echo-v1-7d9f" source=console' >&2
                  i=$((i+1))
                done
                echo 'time="2026-11-25T10:00:01Z" level=info msg="[2026-11-25T10:00:01.456Z] Hostname: echo-v2-55c1" source=console' >&2
                echo "     http_reqs......................: 600    19.99173/s"
                exit "${K6_RC:-0}"
                """);
        Files.setPosixFilePermissions(standIn, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates/load.js.j2"), """
                import http from 'k6/http';
                export default function () {
                  const res = http.get('http://{{ gateway_ip }}/echo');
                  console.log(`Hostname: ${res.body.match(/Hostname:\\s*(\\S+)/)[1]}`);
                }
                """);
    }

    /** Runs the stand-in k6 with this environment; the task must fail. */
    private ModuleResult failedRun(Map<String, String> env) throws Exception {
        ModuleResult result = context(env).run(module, args());
        assertTrue(result.isFailed(), "the task should have failed");
        return result;
    }

    private TestModuleContext context(Map<String, String> env) {
        Map<String, String> all = new LinkedHashMap<>(Map.of("K6_ARGS", dir.resolve("args").toString(), "K6_SUMMARY", SUMMARY.toString()));
        all.putAll(env);
        return new TestModuleContext(dir).var("gateway_ip", "172.18.255.200").env(all);
    }

    private Map<String, Object> args() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("src", "load.js.j2");
        args.put("executable", standIn.toString());
        return args;
    }

    @Test
    void expectedLabelsAreReportedFirstEvenWhenNoResponseCameFromThem() throws Exception {
        Map<String, Object> args = args();
        args.putAll(Map.of("count", "Hostname: ([\\w.-]+)", "labels", List.of("canary", "echo-v1-7d9f")));
        ModuleResult result = context(Map.of()).run(module, args);
        assertEquals(List.of("canary", "echo-v1-7d9f", "echo-v2-55c1"), List.copyOf(((Map<?, ?>) result.field("counts")).keySet()));
        assertEquals(0, ((Map<?, ?>) result.field("counts")).get("canary"));
        assertEquals(0.0, ((Map<?, ?>) result.field("shares")).get("canary"));
    }

    @Test
    void rendersTheScriptRunsK6AndReadsTheSummaryAndTheSplit() throws Exception {
        Map<String, Object> args = args();
        args.putAll(Map.of("vus", 10, "duration", "30s", "env", Map.of("STAGE", "canary"), "count", "Hostname: ([\\w.-]+)",
                "script_dest", "results/k6/canary.js", "summary_dest", "results/k6/canary.json", "log_dest", "results/k6/canary.log"));
        ModuleResult result = context(Map.of()).run(module, args);

        assertFalse(result.isFailed(), result.msg());
        assertTrue(result.isChanged());
        Path script = dir.resolve("results/k6/canary.js");
        Path summary = dir.resolve("results/k6/canary.json");
        assertEquals(List.of("run", "--summary-export", summary.toString(), "--vus", "10", "--duration", "30s", "-e", "STAGE=canary",
                script.toString()), Files.readAllLines(dir.resolve("args")));
        assertTrue(Files.readString(script).contains("http.get('http://172.18.255.200/echo')"), Files.readString(script));
        assertEquals(Files.readString(SUMMARY), Files.readString(summary));

        assertEquals(600, result.field("requests"));
        assertEquals(19.99173, result.field("request_rate"));
        assertEquals(2, result.field("failed_requests"));
        assertEquals(0.0033333333333333335, result.field("failed_rate"));
        assertEquals(600, result.field("iterations"));
        assertEquals(Map.of("passed", 598, "failed", 2), result.field("checks"));
        assertEquals(Map.of("avg", 2.514, "min", 0.914, "med", 2.047, "max", 41.327, "p90", 3.912, "p95", 5.206),
                result.field("duration_ms"));
        assertEquals(Map.of("echo-v1-7d9f", 19, "echo-v2-55c1", 1), result.field("counts"));
        assertEquals(Map.of("echo-v1-7d9f", 0.95, "echo-v2-55c1", 0.05), result.field("shares"));
        // Wilson 95 % of 1 in 20
        assertEquals(Map.of("ci95_low", 0.0089, "ci95_high", 0.2361), ((Map<?, ?>) result.field("intervals")).get("echo-v2-55c1"));
        assertEquals(summary.toString(), result.field("summary_dest"));
        String log = Files.readString(dir.resolve("results/k6/canary.log"));
        assertEquals(20, log.lines().filter(l -> l.contains("source=console")).count());
        assertTrue(log.contains("http_reqs"), log);
    }

    @Test
    void withoutDestinationsNothingIsLeftBehind() throws Exception {
        ModuleResult result = context(Map.of()).run(module, args());
        assertFalse(result.isFailed(), result.msg());
        List<String> argv = Files.readAllLines(dir.resolve("args"));
        assertFalse(Files.exists(Path.of(argv.get(2))), "temporary summary left behind");
        assertFalse(Files.exists(Path.of(argv.get(argv.size() - 1))), "temporary script left behind");
        assertEquals(null, result.field("counts"));
    }

    @Test
    void crossedThresholdsFailTheTaskButKeepTheNumbers() throws Exception {
        ModuleResult result = failedRun(Map.of("K6_RC", "99"));
        assertEquals("k6: a threshold of the script was crossed (rc 99)", result.msg());
        assertEquals(600, result.field("requests"));
    }

    @Test
    void k6ThatCannotRunFailsWithItsOwnWords() throws Exception {
        ModuleResult result = failedRun(Map.of("K6_FAIL", "ERRO[0000] could not initialize '/tmp/x.js': SyntaxError"));
        assertEquals("ERRO[0000] could not initialize '/tmp/x.js': SyntaxError", result.msg());
        assertEquals(107, result.field("rc"));
    }

    @Test
    void aMissingScriptOrACountWithoutAGroupIsRefusedBeforeK6Runs() throws Exception {
        Map<String, Object> missing = args();
        missing.put("src", "nope.js.j2");
        assertEquals("Could not find or access 'nope.js.j2'", context(Map.of()).run(module, missing).msg());
        Map<String, Object> noGroup = args();
        noGroup.put("count", "Hostname: \\S+");
        assertEquals("count must have exactly one group, the value to count by: Hostname: \\S+",
                context(Map.of()).run(module, noGroup).msg());
        assertFalse(Files.exists(dir.resolve("args")), "k6 ran");
    }
}
