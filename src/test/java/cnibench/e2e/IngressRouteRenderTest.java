package cnibench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cnibench.module.kubernetes.CrdSchemaValidator;
import cnibench.module.kubernetes.ReferenceData;
import cnibench.text.OrderedStrings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The ingress lab's gateway configuration: roles/ingress_gateway renders an HTTPRoute and, from that YAML, nginx.conf
 * as NGINX Gateway Fabric renders it. Each case is rendered by ./runner and, where it is installed, by ansible-playbook
 * (the two must write the same bytes: the templates are plain Ansible); the split and mirror lines are asserted, the
 * route is validated against the Gateway API v1.6.1 CRD, and nginx itself checks the configuration where installed.
 */
class IngressRouteRenderTest {
    /** Case name -> the role vars of one rendering, YAML lines. */
    private static final Map<String, String> CASES = OrderedStrings.of(
            "canary-5", "route_weights: {stable: 95, canary: 5}",
            "canary-0", "route_weights: {stable: 100, canary: 0}",
            "canary-100", "route_weights: {stable: 0, canary: 100}",
            "thirds", "route_weights: {stable: 1, canary: 1, third: 1}",
            "two-to-one", "route_weights: {stable: 2, canary: 1}",
            "mirror-40", "route_weights: {stable: 50, canary: 50}\nroute_mirror_percent: 40",
            "mirror-100", "route_weights: {stable: 50, canary: 50}\nroute_mirror_percent: 100");

    @TempDir
    static Path work;

    @BeforeAll
    static void renderEveryCaseWithBothEngines() throws IOException {
        Files.writeString(work.resolve("render.yml"), playbook());
        for (String engine : List.of("cnibench", "ansible")) {
            if (engine.equals("ansible") && !Playbooks.ansibleAvailable()) {
                continue;
            }
            Path out = Files.createDirectories(work.resolve(engine));
            Path results = Files.createDirectories(work.resolve("results-" + engine));
            ProcessOutcome run = engine.equals("cnibench")
                    ? Playbooks.run(List.of(Playbooks.PROJECT.resolve("runner").toString(), "play", work.resolve("render.yml").toString(),
                    "-e", "out=" + out), work, results, Map.of("ANSIBLE_ROLES_PATH", Playbooks.PROJECT.resolve("roles").toString()))
                    : Playbooks.run(List.of("ansible-playbook", "-c", "local", work.resolve("render.yml").toString(), "-e", "out=" + out),
                    work, results, Map.of("ANSIBLE_ROLES_PATH", Playbooks.PROJECT.resolve("roles").toString()));
            assertEquals(0, run.exitCode(), engine + ":\n" + run.all());
        }
    }

    private static String playbook() {
        StringBuilder p = new StringBuilder("""
                - hosts: localhost
                  gather_facts: false
                  vars:
                    route_namespace: default
                    route_name: canary
                    route_gateway: lab-gateway
                    route_hostname: canary.lab.test
                    backend_port: 80
                    gateway_port: 80
                    gateway_status_port: 8081
                    gateway_workers: 1
                    upstream_keepalive: 16
                    route_generation: 7
                    route_mirror_percent:
                    ingress_hosts:
                      stable: {ip: 172.31.0.11}
                      canary: {ip: 172.31.0.12}
                      third: {ip: 172.31.0.14}
                      analyzer: {ip: 172.31.0.13}
                  tasks:
                """);
        CASES.forEach((name, vars) -> p.append("    - name: ").append(name).append("\n")
                .append("      ansible.builtin.include_role: {name: ingress_gateway, tasks_from: render}\n")
                .append("      vars:\n")
                .append("        ingress_dir: \"{{ out }}/").append(name).append("\"\n")
                .append("        route_dest: \"{{ out }}/").append(name).append(".yaml\"\n")
                .append("        nginx_conf_dest: \"{{ out }}/").append(name).append(".conf\"\n")
                .append(vars.lines().map(line -> "        " + line + "\n").reduce("", String::concat)));
        return p.toString();
    }

    private static String conf(String name) throws IOException {
        return Files.readString(work.resolve("cnibench").resolve(name + ".conf"));
    }

    /** The text with each line stripped of its indentation, to find a block whatever its depth. */
    private static String flat(String text) {
        return String.join("\n", text.lines().map(String::strip).toList());
    }

    /** The lines of the split_clients block that assigns $var. */
    private static List<String> split(String conf, String variable) {
        Matcher m = Pattern.compile("split_clients \\$request_id \\$" + Pattern.quote(variable) + " \\{\\n(.*?)\\n\\s*}", Pattern.DOTALL)
                .matcher(conf);
        assertTrue(m.find(), "no split_clients for $" + variable + " in:\n" + conf);
        return m.group(1).lines().map(String::strip).toList();
    }

    private static final String GROUP = "group_default__canary_rule0";

    @Test
    void weightsBecomePercentsFlooredToTwoDecimalsWithTheLastBackendTakingTheRest() throws IOException {
        assertEquals(List.of("95.00% default_stable_80;", "* default_canary_80;"), split(conf("canary-5"), GROUP));
        assertEquals(List.of("66.66% default_stable_80;", "* default_canary_80;"), split(conf("two-to-one"), GROUP));
        assertEquals(List.of("33.33% default_stable_80;", "33.33% default_canary_80;", "* default_third_80;"),
                split(conf("thirds"), GROUP));
    }

    @Test
    void aBackendWithWeightZeroIsLeftOutAsNginxRefusesZeroPercent() throws IOException {
        assertEquals(List.of("* default_stable_80;", "# 0.00% default_canary_80;"), split(conf("canary-0"), GROUP));
        assertEquals(List.of("# 0.00% default_stable_80;", "* default_canary_80;"), split(conf("canary-100"), GROUP));
    }

    @Test
    void upstreamsKeepConnectionsAliveOverHttp11AndTheLocationProxiesTheSplit() throws IOException {
        String conf = conf("canary-5");
        assertTrue(flat(conf).contains(flat("""
                    upstream default_canary_80 {
                        random two least_conn;
                        zone default_canary_80 512k;
                        server 172.31.0.12:80;
                        keepalive 16;
                    }""")), conf);
        assertTrue(conf.contains("proxy_http_version 1.1;"), conf);
        assertTrue(conf.contains("proxy_set_header Connection \"\";"), conf);
        assertTrue(conf.contains("proxy_pass http://$" + GROUP + "$request_uri;"), conf);
        assertTrue(conf.contains("server_name canary.lab.test;"), conf);
        assertTrue(conf.contains("return 200 \"7\\n\";"), "the status server answers the generation:\n" + conf);
        assertTrue(!conf.contains("mirror "), conf);
    }

    @Test
    void aMirrorPercentIsAnInternalLocationBehindASecondSplitOnTheSameRequestId() throws IOException {
        String conf = conf("mirror-40");
        String path = "/_ngf-internal-mirror-default/analyzer-default/canary-0";
        String variable = "__ngf_internal_mirror_default_analyzer_default_canary_0_40_00";
        assertEquals(List.of("40.00% " + path + ";", "* \"\";"), split(conf, variable));
        assertTrue(conf.contains("mirror " + path + ";"), conf);
        assertTrue(flat(conf).contains(flat("""
                        location %s {
                            internal;
                            if ($%s = "") {
                                return 204;
                            }""".formatted(path, variable))), conf);
        assertTrue(conf.contains("proxy_pass http://default_analyzer_80$request_uri;"), conf);
        assertEquals(List.of("50.00% default_stable_80;", "* default_canary_80;"), split(conf, GROUP));
    }

    @Test
    void aFullMirrorNeedsNoSplit() throws IOException {
        String conf = conf("mirror-100");
        assertTrue(conf.contains("mirror /_ngf-internal-mirror-default/analyzer-default/canary-0;"), conf);
        assertTrue(!conf.contains("_100_00"), conf);
        assertTrue(!conf.contains("return 204"), conf);
    }

    @Test
    void ansiblePlaybookRendersTheSameBytes() throws IOException {
        assumeTrue(Playbooks.ansibleAvailable(), "ansible-playbook is not installed");
        for (String name : CASES.keySet()) {
            for (String suffix : List.of(".yaml", ".conf")) {
                // each engine rendered into its own directory, which the configuration names
                assertEquals(Files.readString(work.resolve("ansible").resolve(name + suffix)).replace(work.resolve("ansible").toString(), "OUT"),
                        Files.readString(work.resolve("cnibench").resolve(name + suffix)).replace(work.resolve("cnibench").toString(), "OUT"),
                        name + suffix);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRouteIsAValidGatewayApiV1HttpRoute() throws IOException {
        Load yaml = new Load(LoadSettings.builder().build());
        Map<String, Object> crd = (Map<String, Object>) yaml.loadFromString(Files.readString(
                ReferenceData.file("gateway-api-v1.6.1/httproutes-crd.yaml")));
        CrdSchemaValidator validator = new CrdSchemaValidator();
        for (String name : CASES.keySet()) {
            Map<String, Object> route = (Map<String, Object>) yaml.loadFromString(
                    Files.readString(work.resolve("cnibench").resolve(name + ".yaml")));
            assertEquals(List.of(), validator.validate(crd, route), name);
        }
    }

    @Test
    void nginxAcceptsEveryConfiguration() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/nginx")), "nginx is not installed");
        for (String name : CASES.keySet()) {
            Files.createDirectories(work.resolve("cnibench").resolve(name).resolve("gateway/tmp"));
            Process p = new ProcessBuilder("/usr/sbin/nginx", "-t", "-q", "-c", work.resolve("cnibench").resolve(name + ".conf").toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), name + ": " + out);
        }
    }
}
