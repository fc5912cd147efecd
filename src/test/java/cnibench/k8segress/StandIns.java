package cnibench.k8segress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Recording stand-ins for kind, helm and docker, written as small shell scripts into a directory that goes first
 * on PATH. Each appends its argv to $STANDIN_DIR/log and keeps the files it is given (kind's config, helm's values)
 * as numbered copies beside it. `kind create cluster` writes a kubeconfig that points at $MOCK_URL, the fabric8
 * mock API server; `docker network inspect` answers with a kind network whose gateway is 127.0.0.1.
 */
final class StandIns {
    static final String KIND = """
            #!/bin/sh
            echo "kind $*" >> "$STANDIN_DIR/log"
            state="$STANDIN_DIR/kind-clusters"
            name=kind; prev=""; kubeconfig=""
            for a in "$@"; do
              case "$prev" in
                --name) name="$a" ;;
                --config) cp "$a" "$STANDIN_DIR/kind-config-$(date +%s%N).yaml" ;;
                --kubeconfig) kubeconfig="$a" ;;
              esac
              prev="$a"
            done
            case "$1 $2" in
              "get clusters") if [ -s "$state" ]; then cat "$state"; else echo "No kind clusters found." >&2; fi ;;
              "create cluster")
                echo "$name" >> "$state"
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
            KUBECONFIG
                echo "Creating cluster \\"$name\\" ..." >&2 ;;
              "delete cluster") grep -vx "$name" "$state" > "$state.new"; mv "$state.new" "$state" ;;
            esac
            """;

    static final String HELM = """
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

    static final String DOCKER = """
            #!/bin/sh
            echo "docker $*" >> "$STANDIN_DIR/log"
            if [ "$1 $2" = "network inspect" ]; then
              echo '[{"Name": "kind", "IPAM": {"Driver": "default", "Config": [{"Subnet": "fc00:f853:ccd:e793::/64", "Gateway": "fc00:f853:ccd:e793::1"}, {"Subnet": "127.0.0.0/8", "Gateway": "127.0.0.1"}]}}]'
            fi
            """;

    private final Path dir;

    private StandIns(Path dir) {
        this.dir = dir;
    }

    /** Writes the named tools (kind, helm, docker) into dir. */
    static StandIns install(Path dir, List<String> tools) throws IOException {
        for (String tool : tools) {
            Path script = dir.resolve(tool);
            Files.writeString(script, switch (tool) {
                case "kind" -> KIND;
                case "helm" -> HELM;
                case "docker" -> DOCKER;
                default -> throw new IllegalArgumentException(tool);
            });
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return new StandIns(dir);
    }

    Path dir() {
        return dir;
    }

    /** PATH with the stand-ins first, then only the system's basic directories (where java, mvn and iperf3 are). */
    String path() {
        return dir + ":/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin";
    }

    /** Every command line the stand-ins were called with, one a line. */
    String log() throws IOException {
        Path log = dir.resolve("log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** The contents of the files kept under that prefix (kind-config, helm-values), oldest first. */
    List<String> kept(String prefix) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
