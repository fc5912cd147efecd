package cnibench.module.kubernetes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Recording stand-ins for kind, helm and docker: small shell scripts in a temporary directory that append
 * their argv (and the files they are given) to a log and keep just enough state to answer list queries.
 */
final class StandInTools {
    static final String KIND = """
            #!/bin/sh
            echo "kind $*" >> "$STANDIN_DIR/log"
            state="$STANDIN_DIR/kind-clusters"
            name=""; prev=""
            for a in "$@"; do
              case "$prev" in
                --name) name="$a" ;;
                --config) echo "--- config" >> "$STANDIN_DIR/log"; cat "$a" >> "$STANDIN_DIR/log" ;;
                --kubeconfig) echo "kubeconfig of $name" > "$a" ;;
              esac
              prev="$a"
            done
            case "$1 $2" in
              "get clusters") if [ -s "$state" ]; then cat "$state"; else echo "No kind clusters found." >&2; fi ;;
              "create cluster") echo "$name" >> "$state"; echo "Creating cluster \\"$name\\" ..." >&2 ;;
              "delete cluster") grep -vx "$name" "$state" > "$state.new"; mv "$state.new" "$state" ;;
            esac
            """;

    static final String HELM = """
            #!/bin/sh
            echo "helm $*" >> "$STANDIN_DIR/log"
            prev=""
            for a in "$@"; do
              if [ "$prev" = "--values" ]; then echo "--- values" >> "$STANDIN_DIR/log"; cat "$a" >> "$STANDIN_DIR/log"; fi
              prev="$a"
            done
            case "$1" in
              list) if [ -f "$STANDIN_DIR/release.json" ]; then printf '[%s]\\n' "$(cat "$STANDIN_DIR/release.json")"; else echo '[]'; fi ;;
              get) if [ -f "$STANDIN_DIR/values.json" ]; then cat "$STANDIN_DIR/values.json"; else echo null; fi ;;
              upgrade) cp "$STANDIN_DIR/release-after-upgrade.json" "$STANDIN_DIR/release.json"
                       cp "$STANDIN_DIR/values-after-upgrade.json" "$STANDIN_DIR/values.json"
                       echo "Release \\"$4\\" has been upgraded. Happy Helming!" ;;
              uninstall) rm -f "$STANDIN_DIR/release.json" "$STANDIN_DIR/values.json"; echo "release \\"$2\\" uninstalled" ;;
            esac
            """;

    static final String DOCKER = "#!/bin/sh\nexit 0\n";

    private StandInTools() {
    }

    /** Writes the named tools (kind, helm, docker) into dir and returns a PATH with dir first, then the system's basics. */
    static String install(Path dir, List<String> tools) throws IOException {
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
        return dir + ":/usr/bin:/bin";
    }

    static String log(Path dir) throws IOException {
        Path log = dir.resolve("log");
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
