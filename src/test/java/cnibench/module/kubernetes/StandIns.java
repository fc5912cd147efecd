package cnibench.module.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * Recording stand-ins for external tools (kind, helm, docker): shell scripts written into a directory that goes
 * first on PATH. By convention each script appends its argv to $STANDIN_DIR/log and may keep the files it is
 * given as copies beside it; which scripts are installed is up to the test.
 */
public final class StandIns {
    private final Path dir;

    private StandIns(Path dir) {
        this.dir = dir;
    }

    /**
     * A kind stand-in: logs its argv, answers `kind version` with v0.29.0 (or $KIND_STANDIN_VERSION), keeps the
     * clusters it created in $STANDIN_DIR/kind-clusters for `kind get clusters` and `kind delete cluster`, and runs
     * the given shell code on --config and on --kubeconfig (the file is $a) and on `create cluster` ($name).
     */
    public static String kindScript(String onConfig, String onKubeconfig, String onCreate) {
        return """
                #!/bin/sh
                echo "kind $*" >> "$STANDIN_DIR/log"
                if [ "$1" = version ]; then echo "kind ${KIND_STANDIN_VERSION:-v0.29.0} go1.24.2 linux/amd64"; exit 0; fi
                state="$STANDIN_DIR/kind-clusters"
                name=kind; prev=""
                for a in "$@"; do
                  case "$prev" in
                    --name) name="$a" ;;
                    --config) %s ;;
                    --kubeconfig) %s ;;
                  esac
                  prev="$a"
                done
                case "$1 $2" in
                  "get clusters") if [ -s "$state" ]; then cat "$state"; else echo "No kind clusters found." >&2; fi ;;
                  "create cluster") echo "$name" >> "$state"
                %s
                    echo "Creating cluster \\"$name\\" ..." >&2 ;;
                  "delete cluster") grep -vx "$name" "$state" > "$state.new"; mv "$state.new" "$state" ;;
                esac
                """.formatted(onConfig, onKubeconfig, onCreate);
    }

    /** Writes the named tools into dir, each from its script in scripts (tool name to script text). */
    public static StandIns install(Path dir, Map<String, String> scripts, List<String> tools) throws IOException {
        for (String tool : tools) {
            String script = scripts.get(tool);
            if (script == null) {
                throw new IllegalArgumentException("no stand-in script for " + tool);
            }
            Path file = dir.resolve(tool);
            Files.writeString(file, script);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return new StandIns(dir);
    }

    public Path dir() {
        return dir;
    }

    /** PATH with the stand-ins first, then only the system's basic directories (where java, mvn and iperf3 are). */
    public String path() {
        return dir + ":/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin";
    }

    /** What a process running the stand-ins needs: PATH and STANDIN_DIR. */
    public Map<String, String> environment() {
        return Map.of("PATH", path(), "STANDIN_DIR", dir.toString());
    }

    /** Every command line the stand-ins were called with, one a line, and whatever else the scripts logged. */
    public String log() throws IOException {
        Path log = dir.resolve("log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** The contents of the files the stand-ins kept under that name prefix, oldest first. */
    public List<String> kept(String prefix) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
