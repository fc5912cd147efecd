package cnibench.module.bench;

import cnibench.text.Json;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The http_load run in a JVM of its own, for a host that is another network namespace: a JVM
 * cannot move a thread into one, but `ip netns exec` can start a process there. Reads the
 * settings as JSON on stdin, writes the files they name itself (the namespace shares the file
 * system), prints the result as JSON on stdout.
 */
public final class HttpLoadChild {
    private HttpLoadChild() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try {
            HttpLoadSettings settings = Json.MAPPER.readValue(System.in.readAllBytes(), HttpLoadSettings.class);
            // no progress lines: the parent shows its own, and stderr is kept for the error a failed child reports;
            // on Ctrl-C the parent ends this process
            Map<String, Object> result = HttpLoad.run(settings, line -> { }, () -> false);
            out.println(Json.MAPPER.writeValueAsString(result));
        } catch (Exception e) {
            System.err.println("http_load: " + e);
            System.exit(1);
        }
    }
}
