package cnibench.module.kubernetes;

import java.util.Map;

/**
 * The kind, helm and docker stand-ins of the module tests: they log the contents of the files they are given
 * (kind's config, helm's values) and keep just enough state to answer list queries; helm serves the release and
 * values a test puts in release-after-upgrade.json and values-after-upgrade.json.
 */
final class StandInScripts {
    private static final String KIND = StandIns.kindScript("echo \"--- config\" >> \"$STANDIN_DIR/log\"; cat \"$a\" >> \"$STANDIN_DIR/log\"",
            "echo \"kubeconfig of $name\" > \"$a\"", "");

    private static final String HELM = """
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

    private static final String DOCKER = "#!/bin/sh\nexit 0\n";

    /** The scripts by tool name, for {@link StandIns#install}. */
    static final Map<String, String> BY_TOOL = Map.of("kind", KIND, "helm", HELM, "docker", DOCKER);

    private StandInScripts() {
    }
}
