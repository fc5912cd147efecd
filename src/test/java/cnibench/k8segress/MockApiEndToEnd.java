package cnibench.k8segress;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the end-to-end tests against fabric8's mock API server share: a directory for the tools' stand-ins, one for
 * the results, a quiet mock server log and free ports. Each test class starts its own mock: an {@link ExecMockApi}
 * where pods run commands, else KubernetesMockServer and KubernetesClient fields of its own, as fabric8's extension
 * injects only the fields a test class declares itself.
 */
public abstract class MockApiEndToEnd {
    /** Held so the level stays set: the mock web server logs every request at INFO. */
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    static {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
    }

    @TempDir
    protected Path tools;

    @TempDir
    protected Path results;

    /** A port nothing listens on now, for a server the run starts (the iperf3 server). */
    protected static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
