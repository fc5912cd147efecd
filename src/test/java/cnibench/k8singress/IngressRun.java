package cnibench.k8singress;

import cnibench.k8segress.AksArm;
import cnibench.k8segress.EgressRunner;
import cnibench.k8segress.MockClusterScripts;
import cnibench.module.kubernetes.ReferenceData;
import cnibench.module.kubernetes.StandIns;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Runs ingress-antrea.yml or ingress-cilium.yml through ./runner with the local inventory (the egress tests'
 * {@link EgressRunner}), with stand-ins for kind, helm, docker and k6, short stages, and the upstream manifests of
 * shared/reference instead of downloads: Gateway API v1.6.1's standard CRDs and MetalLB v0.16.1's install manifest.
 */
final class IngressRun {
    static final String NAMESPACE = "ingress-bench";
    static final List<String> GATEWAY_API_CRDS = List.of("gatewayclasses", "gateways", "httproutes", "referencegrants");

    /**
     * Stands in for k6. `k6 version` answers v2.2.0 (or $K6_STANDIN_VERSION). `k6 run` records its command line and
     * script, reads the split the route controller last programmed ($STANDIN_DIR/route-weights: stable and canary
     * weights, mirror percent; $K6_STANDIN_CANARY overrides the canary's weight, a data plane that does not split as
     * the route says), prints 200 console lines as k6 prints the thesis's console.log (answers spread over the
     * weights, from two pods of each Deployment; in the mirror run, whose script sends the request header, also the
     * request number), writes the numbers of the mirrored requests to the analyzer's log, and exports a summary in
     * k6's format ($K6_SUMMARY: 200 requests, with p(99)).
     */
    static final String K6 = """
            #!/bin/sh
            echo "k6 $*" >> "$STANDIN_DIR/log"
            if [ "$1" = version ]; then echo "k6 ${K6_STANDIN_VERSION:-v2.2.0} (commit/stand-in, go1.24.4, linux/amd64)"; exit 0; fi
            for last; do :; done
            cp "$last" "$STANDIN_DIR/k6-script-$(date +%s%N).js"
            summary=; prev=
            for a in "$@"; do [ "$prev" = --summary-export ] && summary=$a; prev=$a; done
            read stable canary mirror < "$STANDIN_DIR/route-weights"
            canary=${K6_STANDIN_CANARY:-$canary}
            echo "k6 stand-in: stable $stable canary $canary mirror $mirror" >> "$STANDIN_DIR/log"
            numbered=; grep -q 'request=' "$last" && numbered=1
            n=200; total=$((stable + canary)); to_canary=$(( (n * canary + total / 2) / total ))
            i=1
            while [ $i -le $n ]; do
              if [ $(( i * 37 % n )) -lt $to_canary ]; then pod=canary-5b7d9f8c4-r4t6y; else pod=stable-6d4cf56db6-x2k4q; fi
              [ $((i % 2)) -eq 0 ] && pod=${pod%-*}-m8n7p
              line="Hostname: $pod"
              if [ -n "$numbered" ]; then
                line="$line request=1-$i"
                [ $(( i * 53 % 100 )) -lt "$mirror" ] && echo "1-$i" >> "$STANDIN_DIR/analyzer.log"
              fi
              echo "time=\\"2026-12-03T10:00:00Z\\" level=info msg=\\"[2026-12-03T10:00:00.000Z] $line\\" source=console" >&2
              i=$((i + 1))
            done
            cp "$K6_SUMMARY" "$summary"
            """;

    private IngressRun() {
    }

    /** The stand-ins of the named tools among kind, helm, docker, k6 and az (AKS's sign-in, {@link AksArm#AZ}). */
    static StandIns standIns(Path dir, List<String> tools) throws IOException {
        Map<String, String> scripts = new HashMap<>(MockClusterScripts.BY_TOOL);
        scripts.put("k6", K6);
        scripts.put("az", AksArm.AZ);
        return StandIns.install(dir, scripts, tools);
    }

    /**
     * The analyzer's log as the mock API server serves it: nginx's start-up lines, then the request numbers the k6
     * stand-in mirrored (dir/analyzer.log).
     */
    static void serveTheAnalyzersLog(KubernetesMockServer server, Path dir) {
        server.expect().get().withPath("/api/v1/namespaces/" + NAMESPACE + "/pods/" + IngressControllers.ANALYZER_POD
                + "/log?pretty=false").andReply(200, request -> {
                    try {
                        Path log = dir.resolve("analyzer.log");
                        return "/docker-entrypoint.sh: Configuration complete; ready for start up\n-\n"
                                + (Files.exists(log) ? Files.readString(log) : "");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).always();
    }

    /** The values files helm was given, in order, as YAML. */
    static List<Object> helmValues(StandIns standIns) throws IOException {
        return standIns.kept("helm-values").stream().map(v -> new Load(LoadSettings.builder().build()).loadFromString(v)).toList();
    }

    static EgressRunner.Outcome play(String playbook, List<String> more, StandIns standIns, String mockUrl, String prometheusUrl,
                                     Map<String, String> env, Path results) throws IOException, InterruptedException {
        return play(playbook, "inventory/local", more, standIns, mockUrl, prometheusUrl, env, results);
    }

    /** The same with another of the project's inventories (inventory/azure). */
    static EgressRunner.Outcome play(String playbook, String inventory, List<String> more, StandIns standIns, String mockUrl,
                                     String prometheusUrl, Map<String, String> env, Path results)
            throws IOException, InterruptedException {
        String crds = String.join(", ", GATEWAY_API_CRDS.stream()
                .map(c -> "\"" + ReferenceData.file("gateway-api-v1.6.1/" + c + "-crd.yaml") + "\"").toList());
        List<String> args = new ArrayList<>(List.of("-e", "{\"gateway_api_crd_files\": [" + crds + "]}",
                "-e", "metallb_manifest_path=" + ReferenceData.file("metallb-v0.16.1/metallb-native.yaml"),
                "-e", "stage_duration=1", "-e", "mirror_duration=1", "-e", "route_settle=0",
                "-e", "prometheus_url=" + prometheusUrl, "-e", "k8s_wait_sleep=1", "-e", "monitoring_poll_delay=1"));
        args.addAll(more);
        Map<String, String> environment = new HashMap<>(env);
        environment.put("MOCK_URL", mockUrl);
        environment.put("K6_SUMMARY", EgressRunner.PROJECT.resolve("src/test/resources/k8singress/k6-summary.json").toString());
        return EgressRunner.play(playbook, inventory, args, standIns, environment, results);
    }
}
