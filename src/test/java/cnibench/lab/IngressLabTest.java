package cnibench.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.report.CsvFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * playbooks/ingress-lab.yml end to end in real network namespaces with Debian nginx, with short stages, and its fault
 * cases. Every run must leave no namespace of the ingress lab and no nginx of its own behind. Runs only as root with
 * ip and nginx installed.
 */
@Tag("lab")
@EnabledIf("cnibench.lab.LabMachine#ingressAvailable")
class IngressLabTest {
    private static final String PREFIX = "cnbi-";
    private static final String[] SHORT = {"stage_duration=2", "stage_warmup=0", "transition_duration=3", "transition_lead=1",
        "mirror_duration=3"};

    @TempDir
    Path results;

    @AfterEach
    void nothingIsLeftBehind() throws Exception {
        assertEquals(List.of(), LabMachine.namespaces(PREFIX), "ingress lab namespaces left behind");
        assertEquals(List.of(), LabMachine.processesMatching(results.toString()), "lab processes left behind");
        assertFalse(Files.exists(Path.of("/run/cnibench-ingress-lab/guard.pid")), "the interrupt guard is still armed");
    }

    @Test
    void measuresEveryCanaryStageTheChangesAndTheMirror() throws Exception {
        LabRun run = LabRun.play("ingress-lab", results, SHORT);
        assertEquals(0, run.exitCode(), run.diagnosis());
        Path dir = run.runDir();

        List<Map<String, String>> stages = CsvFiles.read(dir.resolve("stages.csv"));
        assertEquals(12, stages.size(), "a row per backend per stage: " + stages);
        Map<String, Map<String, String>> canary = stages.stream().filter(r -> r.get("label").equals("canary"))
                .collect(Collectors.toMap(r -> r.get("canary_percent"), r -> r));
        assertEquals(List.of("0", "5", "25", "50", "75", "100"),
                stages.stream().map(r -> r.get("canary_percent")).distinct().toList());
        assertEquals("0", canary.get("0").get("responses"), "the canary answered at 0 %");
        assertEquals("1.0", normal(canary.get("100").get("share")), "the stable backend answered at 100 %");
        for (Map<String, String> row : canary.values()) {
            double configured = Double.parseDouble(row.get("canary_percent")) / 100;
            assertEquals(configured, Double.parseDouble(row.get("expected_share")), 1e-9, row.toString());
            assertEquals(configured, Double.parseDouble(row.get("share")), 0.05, row.toString());
            assertTrue(Double.parseDouble(row.get("share_ci95_low")) <= Double.parseDouble(row.get("share"))
                    && Double.parseDouble(row.get("share")) <= Double.parseDouble(row.get("share_ci95_high")), row.toString());
            assertTrue(Double.parseDouble(row.get("requests_per_s")) > 100, row.toString());
            assertTrue(Double.parseDouble(row.get("latency_p50_ms")) > 0, row.toString());
        }

        List<Map<String, String>> changes = CsvFiles.read(dir.resolve("changes.csv"));
        assertEquals(List.of("1", "2", "3", "4", "5"), changes.stream().map(r -> r.get("stage")).toList());
        for (Map<String, String> change : changes) {
            double after = Double.parseDouble(change.get("answered_at")) - Double.parseDouble(change.get("changed_at"));
            assertTrue(after >= 0 && after < 10, "the new route answered after " + after + " s: " + change);
        }
        List<Map<String, String>> timeline = CsvFiles.read(dir.resolve("timeline.csv"));
        assertEquals(List.of("1", "2", "3", "4", "5"), timeline.stream().map(r -> r.get("stage")).distinct().toList());
        assertTrue(Files.isRegularFile(dir.resolve("transitions.csv")), "the report aligns the load on each change");

        Map<String, Map<String, String>> mirror = CsvFiles.read(dir.resolve("mirror.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("label"), r -> r));
        assertEquals(Set.of("all", "stable", "canary"), mirror.keySet());
        double mirrored = Double.parseDouble(mirror.get("all").get("mirrored_share"));
        assertEquals(0.40, mirrored, 0.06, mirror.get("all").toString());
        // One $request_id decides both the split (50 % stable first) and the mirror (40 %): every mirrored request is one
        // the stable backend answered, as in NGINX Gateway Fabric.
        assertEquals(1.0, Double.parseDouble(mirror.get("stable").get("share_of_mirrored")), 1e-9, mirror.toString());

        String environment = Files.readString(dir.resolve("environment.json"));
        assertTrue(environment.contains("nginx version: nginx/"), environment);
        assertTrue(environment.contains("split_clients $request_id"), "the rendered nginx.conf is recorded");
        assertTrue(environment.contains("kind: HTTPRoute"), "the applied routes are recorded");
        String report = Files.readString(dir.resolve("report.html"));
        assertTrue(report.contains("data:image/png;base64,"), "report.html has no charts");
        assertTrue(Files.readString(dir.resolve("run.json")).contains("\"environment\""));
    }

    @Test
    void aBackendThatGoesDownIsCountedAsErrorsAndFailsTheRun() throws Exception {
        CompletableFuture<Void> killer = CompletableFuture.runAsync(this::stopTheCanaryOnceTheFirstStageIsMeasured);
        LabRun run = LabRun.play("ingress-lab", results, SHORT);
        killer.get(1, TimeUnit.MINUTES);
        assertEquals(2, run.exitCode(), run.diagnosis());
        assertTrue(run.output().contains("the gateway's split is not the route's"), run.output());
        List<Map<String, String>> stages = CsvFiles.read(run.runDir().resolve("stages.csv"));
        assertTrue(stages.stream().anyMatch(r -> Long.parseLong(r.get("errors")) > 0), "no errors counted: " + stages);
        assertTrue(run.output().contains("TASK [lab_teardown : Tear the lab down]") || run.output().contains("lab_teardown"));
    }

    @Test
    void aConfigurationNginxRefusesStopsTheRunWithItsReasonAndTearsDown() throws Exception {
        LabRun run = LabRun.play("ingress-lab", results, "gateway_workers=bogus");
        assertEquals(2, run.exitCode(), run.diagnosis());
        assertTrue(run.output().contains("nginx refused the gateway configuration rendered from"), run.output());
        assertTrue(run.output().contains("): \\\"worker_processes\\\" directive invalid value in "), run.output());
        assertTrue(run.output().contains("lab_teardown : Check that no namespace of the lab is left"), run.output());
    }

    @Test
    void withK6TheStagesAreMeasuredByTheThesisScript(@TempDir Path tools) throws Exception {
        Path k6 = tools.resolve("k6");
        Files.writeString(k6, K6_STAND_IN);
        Files.setPosixFilePermissions(k6, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        LabRun run = LabRun.play("ingress-lab", results, Map.of("PATH", tools + ":" + System.getenv("PATH")),
                "load_tool=k6", "stage_duration=2", "{\"canary_stages\": [0, 50, 100]}");
        assertEquals(0, run.exitCode(), run.diagnosis());
        Path dir = run.runDir();
        String script = Files.readString(dir.resolve("k6/stage-1.js"));
        assertTrue(script.contains("http.get('http://172.31.0.2:80/', { headers: { Host: 'canary.lab.test' } })"), script);
        List<Map<String, String>> stages = CsvFiles.read(dir.resolve("stages.csv"));
        assertEquals(6, stages.size(), stages.toString());
        Map<String, Map<String, String>> canary = stages.stream().filter(r -> r.get("label").equals("canary"))
                .collect(Collectors.toMap(r -> r.get("canary_percent"), r -> r));
        assertEquals("0", canary.get("0").get("responses"));
        assertEquals(0.5, Double.parseDouble(canary.get("50").get("share")), 0.15, canary.toString());
        assertEquals("0", stages.stream().filter(r -> r.get("label").equals("stable") && r.get("canary_percent").equals("100"))
                .findFirst().orElseThrow().get("responses"));
        assertFalse(Files.exists(dir.resolve("mirror.csv")), "k6 cannot measure the mirror");
    }

    /**
     * Stands in for k6 inside the client namespace: reads the URL and Host of the rendered script, sends 200 real requests
     * to the gateway with bash, prints each answer's backend as k6's console.log does, and writes a summary.
     */
    private static final String K6_STAND_IN = """
            #!/bin/bash
            for last; do :; done
            summary=; while [ $# -gt 0 ]; do [ "$1" = --summary-export ] && summary=$2; shift; done
            url=$(grep -o "http.get('[^']*'" "$last" | cut -d"'" -f2)
            host=$(grep -o "Host: '[^']*'" "$last" | cut -d"'" -f2)
            hostport=${url#http://}; hostport=${hostport%%/*}
            for i in $(seq 200); do
              exec 3<>/dev/tcp/${hostport%:*}/${hostport#*:}
              printf 'GET / HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n' "$host" >&3
              name=$(grep -o 'Hostname: [a-z]*' <&3 | cut -d' ' -f2)
              exec 3<&-
              echo "time=\"2026-12-03T10:00:00Z\" level=info msg=\"[2026-12-03T10:00:00.000Z] Hostname: $name\" source=console" >&2
            done
            cat > "$summary" <<'JSON'
            {"metrics": {"http_reqs": {"count": 200, "rate": 100.0}, "http_req_failed": {"passes": 0, "fails": 200, "value": 0},
             "iterations": {"count": 200, "rate": 100.0},
             "http_req_duration": {"avg": 1.5, "min": 0.5, "med": 1.2, "max": 9.0, "p(90)": 2.0, "p(95)": 3.0, "p(99)": 6.0}}}
            JSON
            """;

    /** Kills the canary backend's nginx as soon as stages.csv has its first stage, from outside the run. */
    private void stopTheCanaryOnceTheFirstStageIsMeasured() {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(50);
            while (System.nanoTime() < deadline) {
                Optional<Path> pid = find("canary/nginx.pid");
                if (pid.isPresent() && find("stages.csv").isPresent()) {
                    LabMachine.run("kill", Files.readString(pid.get()).strip());
                    return;
                }
                Thread.sleep(100);
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Path> find(String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(results)) {
            return files.filter(f -> f.toString().endsWith(suffix)).findFirst();
        }
    }

    private static String normal(String number) {
        return String.valueOf(Double.parseDouble(number));
    }
}
