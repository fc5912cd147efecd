package cnibench.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab's playbooks load on any machine (no root needed): every role, task file, module and
 * argument resolves, and the tasks come in the order of the thesis's listing 12; run with another
 * inventory than the lab's, they stop before their first task that acts.
 */
class EgressLabPlaybookTest {

    @Test
    void theLabPlaybookLoadsAndListsItsRolesInOrder() throws Exception {
        String tasks = runner("play", "playbooks/egress-lab.yml", "-i", "inventory/lab", "--list-tasks");
        List<String> roles = List.of("lab_prerequisites", "lab_teardown", "monitoring_lab", "lab_topology", "lab_egress_path",
                "lab_environment", "lab_iperf_server", "verify_egress_path", "run_lab_iperf", "scrape_prometheus_data",
                "lab_report");
        int at = -1;
        for (String role : roles) {
            int next = tasks.indexOf(role + " : ", at + 1);
            assertTrue(next > at, role + " out of order or missing in:\n" + tasks);
            at = next;
        }
    }

    @Test
    void theCleanupPlaybookPassesTheSyntaxCheck() throws Exception {
        assertTrue(runner("play", "playbooks/egress-lab-cleanup.yml", "-i", "inventory/lab", "--syntax-check").contains("egress-lab-cleanup.yml"));
    }

    @Test
    void theLabInventoryHasItsHostsInTheirGroups() throws Exception {
        String graph = runner("inventory", "-i", "inventory/lab", "--graph");
        for (String line : List.of("@lab_network:", "|--docker-network", "@lab_nodes:", "|--control-plane", "|--worker",
                "|--egress-gateway", "@lab_pods:", "|--pod", "@lab_external:", "|--external")) {
            assertTrue(graph.contains(line), line + " missing in:\n" + graph);
        }
    }

    @Test
    void aLabPlaybookRunWithAnotherInventoryStopsAtOnceAndSaysWhichToPass(@TempDir Path results) throws Exception {
        for (String playbook : List.of("playbooks/egress-lab.yml", "playbooks/ingress-lab-cleanup.yml")) {
            String out = runner(2, results, "play", playbook);
            assertTrue(out.contains("are not in this run's inventory (" + LabRun.HOME.resolve("inventory/local") + ")")
                    && out.contains("-i inventory/lab"), out);
            assertTrue(out.contains("ok=0"), "a task ran before the check:\n" + out);
        }
    }

    @Test
    void theGuardCleansUpWithTheRunsInventory(@TempDir Path results) throws Exception {
        Path playbook = Files.writeString(results.resolve("guard-command.yml"), """
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - ansible.builtin.include_vars: {file: %s}
                    - ansible.builtin.debug: {msg: "[{{ teardown_cleanup_command }}]"}
                """.formatted(LabRun.HOME.resolve("roles/lab_teardown/defaults/main.yml")));
        String out = runner(0, results, "play", playbook.toString(), "-i", "inventory/lab");
        assertTrue(out.contains("[" + LabRun.HOME.resolve("runner") + " play " + LabRun.HOME.resolve("playbooks/egress-lab-cleanup.yml")
                + " -i " + LabRun.HOME.resolve("inventory/lab") + " -e teardown_netns_prefix=cnb- "), out);
    }

    private static String runner(String... args) throws Exception {
        return runner(0, null, args);
    }

    /** Runs the runner with its results under resultsRoot (null: the default), expects its exit code, returns its output. */
    private static String runner(int exitCode, Path resultsRoot, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dcnibench.home=" + LabRun.HOME, "cnibench.cli.Main"));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(LabRun.HOME.toFile()).redirectErrorStream(true);
        if (resultsRoot != null) {
            pb.environment().put("CNIBENCH_RESULTS", resultsRoot.toString());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(exitCode, p.exitValue(), out);
        return out;
    }
}
