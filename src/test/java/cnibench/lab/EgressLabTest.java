package cnibench.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.report.CsvFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * playbooks/egress-lab.yml end to end in real network namespaces, with short durations, and its
 * fault cases. Each run must leave the machine as it found it: no lab namespace, no tagged
 * iptables rule, no lab process. Runs only as root with ip, iperf3, prometheus and
 * prometheus-node-exporter installed.
 */
@Tag("lab")
@EnabledIf("cnibench.lab.LabMachine#available")
class EgressLabTest {
    private static final String WORKER_IP = "172.30.0.3";
    private static final String EGRESS_IP = "172.30.0.100";
    private static final String PROMETHEUS_PORT = "39090";

    @TempDir
    Path results;

    @AfterEach
    void nothingIsLeftBehind() throws Exception {
        assertEquals(List.of(), LabMachine.labNamespaces(), "lab namespaces left behind");
        assertEquals(List.of(), LabMachine.taggedIptablesRules(), "tagged iptables rules left behind");
        assertEquals(List.of(), LabMachine.processesMatching(results.toString(), "--web.systemd-socket"),
                "lab processes left behind");
        assertFalse(Files.exists(Path.of("/run/cnibench-lab/guard.pid")), "the interrupt guard is still armed");
    }

    @Test
    void measuresBothPathsThroughTheRealGateway() throws Exception {
        LabRun run = LabRun.play(results, "iperf_duration=2", "repeats=2");
        assertEquals(0, run.exitCode(), run.diagnosis());
        Path dir = run.runDir();

        List<Map<String, String>> iperf = CsvFiles.read(dir.resolve("iperf.csv"));
        assertEquals(List.of("run", "repeat", "path", "interval_start", "interval_end", "bits_per_second", "retransmits",
                "rtt_us", "snd_cwnd", "start_epoch", "end_epoch"), header(dir.resolve("iperf.csv")));
        Map<String, Long> rowsPerRepeat = iperf.stream()
                .collect(Collectors.groupingBy(r -> r.get("path") + "/" + r.get("repeat"), Collectors.counting()));
        assertEquals(Set.of("direct/1", "direct/2", "gateway/1", "gateway/2"), rowsPerRepeat.keySet());
        rowsPerRepeat.forEach((repeat, rows) -> assertTrue(rows >= 2 && rows <= 3, repeat + " has " + rows + " intervals"));
        assertTrue(iperf.stream().allMatch(r -> Double.parseDouble(r.get("bits_per_second")) > 0), "an empty interval");

        assertEquals(List.of("timestamp", "path", "repeat", "node", "metric", "mode", "device", "value"),
                header(dir.resolve("metrics.csv")));
        List<Map<String, String>> metrics = CsvFiles.read(dir.resolve("metrics.csv"));
        assertEquals(Set.of("control-plane", "worker", "egress-gateway"), column(metrics, "node"));
        assertTrue(column(metrics, "metric").containsAll(Set.of("cpu_seconds_rate", "memory_used_bytes",
                "network_receive_bytes_rate", "network_transmit_bytes_rate", "network_receive_packets_rate",
                "network_transmit_packets_rate")), column(metrics, "metric").toString());
        assertTrue(metrics.stream().anyMatch(m -> m.get("node").equals("egress-gateway") && m.get("device").equals("cnb-tun0")
                && m.get("metric").equals("network_receive_bytes_rate") && Double.parseDouble(m.get("value")) > 0),
                "the gateway's tunnel carried no traffic");

        Map<String, Map<String, String>> summary = CsvFiles.read(dir.resolve("summary.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("path"), r -> r));
        assertEquals(Set.of("direct", "gateway"), summary.keySet());
        summary.values().forEach(s -> assertTrue(Double.parseDouble(s.get("throughput_median_bps")) > 0, s.toString()));
        assertEquals("2", summary.get("gateway").get("n"));
        assertFalse(summary.get("gateway").get("overhead_percent").isBlank());

        List<Map<String, String>> checks = CsvFiles.read(dir.resolve("egress_check.csv"));
        assertEquals(6, checks.size(), "two checks and four repeats");
        for (Map<String, String> check : checks) {
            assertEquals(check.get("path").equals("gateway") ? EGRESS_IP : WORKER_IP, check.get("seen_source"), check.toString());
            assertEquals("True", check.get("ok"));
        }

        String report = Files.readString(dir.resolve("report.html"));
        assertTrue(report.contains("<img") && report.contains("data:image/png;base64,"), "report.html has no charts");
        String environment = Files.readString(dir.resolve("environment.json"));
        assertTrue(environment.contains("\"kernel\"") && environment.contains("\"cnb-tun0\"") && environment.contains("vxlan"),
                environment);
        try (var raw = Files.list(dir.resolve("iperf3"))) {
            assertEquals(6, raw.filter(f -> f.toString().endsWith(".json")).count(), "raw iperf3 JSON per test");
        }
    }

    @Test
    void anUnreachableIperf3ServerStopsTheRunWithAClearMessage() throws Exception {
        LabRun run = LabRun.play(results, "iperf_duration=1", "repeats=1", "iperf_server=172.30.0.99");
        assertEquals(2, run.exitCode(), run.diagnosis());
        assertTrue(run.output().contains("The iperf3 server 172.30.0.99:5201 cannot be reached from the pod"), run.output());
        assertTrue(run.output().contains("TASK [lab_teardown : Tear the lab down]")
                || run.output().contains("lab_teardown"), run.output());
    }

    @Test
    void aNamespaceLeftByAnEarlierRunIsCleanedUp() throws Exception {
        LabMachine.run("ip", "netns", "add", LabMachine.NETNS_PREFIX + "worker");
        LabMachine.run("ip", "netns", "add", LabMachine.NETNS_PREFIX + "from-an-older-lab");
        new ProcessBuilder("ip", "netns", "exec", LabMachine.NETNS_PREFIX + "worker", "sleep", "600").start();
        LabRun run = LabRun.play(results, "iperf_duration=1", "repeats=1");
        assertEquals(0, run.exitCode(), run.diagnosis());
        assertTrue(run.output().contains("(item=" + LabMachine.NETNS_PREFIX + "from-an-older-lab)"), run.output());
        assertEquals(List.of(), LabMachine.processesMatching("sleep 600"));
    }

    @Test
    void prometheusThatCannotListenStopsTheRunWithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(Integer.parseInt(PROMETHEUS_PORT), 1, InetAddress.getLoopbackAddress())) {
            LabRun run = LabRun.play(results, "iperf_duration=1", "repeats=1");
            assertEquals(2, run.exitCode(), run.diagnosis());
            assertTrue(run.output().contains("cannot listen on 127.0.0.1:" + PROMETHEUS_PORT + ": another program holds the port"),
                    run.output());
        }
    }

    @Test
    void prometheusThatDoesNotStartStopsTheRunWithItsOwnError() throws Exception {
        LabRun run = LabRun.play(results, "iperf_duration=1", "repeats=1", "{\"prometheus_extra_args\": [\"--no-such-flag\"]}");
        assertEquals(2, run.exitCode(), run.diagnosis());
        assertTrue(run.output().contains("Prometheus did not start on 127.0.0.1:" + PROMETHEUS_PORT), run.output());
        assertTrue(run.output().contains("no-such-flag"), run.output());
        assertNotEquals(-1, run.output().indexOf("PLAY RECAP"));
    }

    private static List<String> header(Path csv) throws IOException {
        return List.of(Files.readAllLines(csv).get(0).split(","));
    }

    private static Set<String> column(List<Map<String, String>> rows, String name) {
        return rows.stream().map(r -> r.get(name)).collect(Collectors.toCollection(TreeSet::new));
    }
}
