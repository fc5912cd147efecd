package cnibench.k8segress;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * fabric8's mock API server in CRUD mode, as @EnableKubernetesMockClient(crud = true) builds it, but with the pods'
 * exec API served too ({@link ExecDispatcher}), and a client of it.
 */
final class ExecMockApi implements AutoCloseable {
    final KubernetesMockServer server;
    final KubernetesClient client;
    private final ExecDispatcher dispatcher;

    ExecMockApi() {
        Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
        dispatcher = new ExecDispatcher(expectations);
        server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), expectations, dispatcher, false);
        server.init();
        client = server.createClient();
    }

    /** From now on commands exec'd in pods run through pods. */
    void serveExec(PodExec pods) {
        dispatcher.serve(pods);
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
