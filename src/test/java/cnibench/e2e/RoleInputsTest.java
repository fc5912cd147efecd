package cnibench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's roles whose inputs must come from the caller say so in meta/argument_specs.yml: a role started
 * without one fails at its first task, naming the missing input, before it does anything.
 */
class RoleInputsTest {
    /** Role, entry point (tasks_from), the input the call leaves out. */
    private static final List<List<String>> CALLS = List.of(
            List.of("egress_report", "main", "cni"),
            List.of("deploy_gateway", "main", "gateway_class"),
            List.of("ingress_preflight", "main", "gateway_class"),
            List.of("install_gateway_api_crds", "main", "gateway_api_version"),
            List.of("scrape_prometheus_data", "main", "scrape_windows"),
            List.of("canary_stage", "check", "canary_percent"),
            List.of("canary_stage", "measure_k6", "stage_shares"),
            List.of("ingress_gateway", "apply", "route_weights"));

    @Test
    void aRoleStartedWithoutAnInputItNeedsFailsNamingIt(@TempDir Path dir) throws IOException {
        StringBuilder play = new StringBuilder("- hosts: localhost\n  gather_facts: false\n  tasks:\n");
        for (List<String> call : CALLS) {
            play.append("""
                        - block:
                            - ansible.builtin.include_role: {name: %s, tasks_from: %s}
                              vars: %s
                            - ansible.builtin.fail: {msg: "%s started without %s"}
                          rescue:
                            - ansible.builtin.debug: {msg: "%s/%s: {{ ansible_failed_result.msg }}"}
                    """.formatted(call.get(0), call.get(1), otherInputs(call), call.get(0), call.get(2),
                    call.get(0), call.get(1)));
        }
        Path playbook = Files.writeString(dir.resolve("inputs.yml"), play.toString());
        ProcessOutcome run = Playbooks.run(List.of(Playbooks.PROJECT.resolve("runner").toString(), "play",
                playbook.toString(), "-i", "localhost,"), dir, dir);
        assertEquals(0, run.exitCode(), run.all());
        for (List<String> call : CALLS) {
            assertTrue(run.stdout().contains(call.get(0) + "/" + call.get(1) + ": Validation of arguments failed:\\n"
                    + "missing required arguments: " + call.get(2)), call + " in:\n" + run.all());
        }
    }

    /** The call's other required inputs, so that only the one left out is missing. */
    private static String otherInputs(List<String> call) {
        Map<String, String> given = Map.of("canary_stage/check", "{stage_load: {}}",
                "canary_stage/measure_k6", "{stage_index: 0, canary_percent: 0, gateway_url: x, gateway_host: x}",
                "ingress_gateway/apply", "{route_generation: 1}");
        return given.getOrDefault(call.get(0) + "/" + call.get(1), "{}");
    }
}
