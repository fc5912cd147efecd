package cnibench.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the lab tests need from this machine: root, the lab's programs, and a look at what is left. */
final class LabMachine {
    static final String NETNS_PREFIX = "cnb-";
    static final String IPTABLES_TAG = "cnibench-lab";
    private static final List<String> PROGRAMS = List.of("ip", "iperf3", "prometheus", "prometheus-node-exporter");

    private LabMachine() {
    }

    /** Root, with the programs the lab runs; without them the e2e tests are not run. */
    static boolean available() {
        return "root".equals(System.getProperty("user.name")) && PROGRAMS.stream().allMatch(LabMachine::onPath);
    }

    /** Root, with ip and nginx: what the ingress lab runs. */
    static boolean ingressAvailable() {
        return "root".equals(System.getProperty("user.name")) && onPath("ip") && onPath("nginx");
    }

    /** The namespaces with this prefix that exist now. */
    static List<String> namespaces(String prefix) throws IOException, InterruptedException {
        return run("ip", "netns", "list").lines().map(l -> l.split(" ")[0]).filter(n -> n.startsWith(prefix)).toList();
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    /** The lab's namespaces that exist now. */
    static List<String> labNamespaces() throws IOException, InterruptedException {
        return namespaces(NETNS_PREFIX);
    }

    /** Rules of this machine's own iptables that carry the lab's tag. */
    static List<String> taggedIptablesRules() throws IOException, InterruptedException {
        return run("iptables-save").lines().filter(l -> l.contains(IPTABLES_TAG)).toList();
    }

    /** Living (not zombie) processes whose command line contains one of the needles. */
    static List<String> processesMatching(String... needles) throws IOException, InterruptedException {
        List<String> out = new ArrayList<>();
        for (String line : run("ps", "-eo", "stat=,args=").lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.startsWith("Z")) {
                continue;
            }
            for (String needle : needles) {
                if (trimmed.contains(needle)) {
                    out.add(trimmed);
                }
            }
        }
        return out;
    }

    static String run(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", argv));
        }
        return out;
    }
}
