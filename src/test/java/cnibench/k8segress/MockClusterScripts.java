package cnibench.k8segress;

import cnibench.module.kubernetes.StandIns;
import java.util.Map;

/**
 * The kind, helm and docker stand-ins of the egress playbooks: they keep the files they are given (kind's config,
 * helm's values) as numbered copies beside the log. `kind create cluster` writes a kubeconfig that points at
 * $MOCK_URL, the fabric8 mock API server (the rest of kind's part is {@link StandIns#kindScript}'s); `docker network
 * inspect` answers with a kind network whose gateway is 127.0.0.1; `docker info` fails as with a stopped daemon when
 * $DOCKER_STANDIN_DOWN is set.
 */
public final class MockClusterScripts {
    /** The kubeconfig `kind create cluster` writes: the mock API server at $MOCK_URL. */
    private static final String KUBECONFIG = """
                cat > "$kubeconfig" <<KUBECONFIG
            apiVersion: v1
            kind: Config
            clusters:
            - name: kind-$name
              cluster: {server: "$MOCK_URL", insecure-skip-tls-verify: true}
            users:
            - name: kind-$name
              user: {token: stand-in}
            contexts:
            - name: kind-$name
              context: {cluster: kind-$name, user: kind-$name}
            current-context: kind-$name
            KUBECONFIG""";

    private static final String KIND = StandIns.kindScript("cp \"$a\" \"$STANDIN_DIR/kind-config-$(date +%s%N).yaml\"",
            "kubeconfig=\"$a\"", KUBECONFIG);

    private static final String HELM = """
            #!/bin/sh
            echo "helm $*" >> "$STANDIN_DIR/log"
            prev=""
            for a in "$@"; do
              if [ "$prev" = "--values" ]; then cp "$a" "$STANDIN_DIR/helm-values-$(date +%s%N).yaml"; fi
              prev="$a"
            done
            case "$1" in
              list) echo '[]' ;;
              get) echo null ;;
              upgrade) echo "Release \\"$3\\" has been upgraded. Happy Helming!" ;;
            esac
            """;

    private static final String DOCKER = """
            #!/bin/sh
            echo "docker $*" >> "$STANDIN_DIR/log"
            if [ "$1" = info ] && [ -n "$DOCKER_STANDIN_DOWN" ]; then
              echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?" >&2; exit 1
            fi
            if [ "$1 $2" = "network inspect" ]; then
              echo '[{"Name": "kind", "IPAM": {"Driver": "default", "Config": [{"Subnet": "fc00:f853:ccd:e793::/64", "Gateway": "fc00:f853:ccd:e793::1"}, {"Subnet": "127.0.0.0/8", "Gateway": "127.0.0.1"}]}}]'
            fi
            """;

    /** The scripts by tool name, for {@link cnibench.module.kubernetes.StandIns#install}. */
    public static final Map<String, String> BY_TOOL = Map.of("kind", KIND, "helm", HELM, "docker", DOCKER);

    private MockClusterScripts() {
    }
}
