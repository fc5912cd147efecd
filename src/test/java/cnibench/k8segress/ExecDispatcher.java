package cnibench.k8segress;

import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * fabric8's CRUD-and-expectations dispatcher plus the pods' exec API, which the CRUD mock does not serve: an exec
 * request is upgraded to a WebSocket on which, as the API server does with the v4.channel.k8s.io protocol, the
 * command's standard output goes out on channel 1 and its exit status, a Status object, on channel 3.
 */
final class ExecDispatcher extends Dispatcher {
    private static final Pattern EXEC = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)/exec\\?(.*)");
    private static final byte STDOUT = 1;
    private static final byte STATUS = 3;

    private final Dispatcher crud;
    private volatile PodExec pods = (namespace, pod, command) -> {
        throw new IllegalStateException("no pod runs commands in this test");
    };

    ExecDispatcher(Map<ServerRequest, Queue<ServerResponse>> expectations) {
        crud = new KubernetesMixedDispatcher(expectations);
    }

    /** From now on exec requests run through pods. */
    void serve(PodExec pods) {
        this.pods = pods;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        Matcher exec = EXEC.matcher(request.getPath());
        if (!exec.matches()) {
            return crud.dispatch(request);
        }
        List<String> command = new ArrayList<>();
        for (String parameter : exec.group(3).split("&")) {
            if (parameter.startsWith("command=")) {
                command.add(URLDecoder.decode(parameter.substring("command=".length()), StandardCharsets.UTF_8));
            }
        }
        return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
            @Override
            public void onOpen(WebSocket socket, Response response) {
                // off the server's event loop: the command runs for seconds
                new Thread(() -> answer(socket, command, exec.group(1), exec.group(2)), "exec " + exec.group(2)).start();
            }
        });
    }

    private void answer(WebSocket socket, List<String> command, String namespace, String pod) {
        String status;
        try {
            PodExec.Result result = pods.run(namespace, pod, command);
            socket.send(onChannel(STDOUT, result.stdout()));
            status = result.exitCode() == 0 ? "{\"metadata\":{},\"status\":\"Success\"}"
                    : "{\"metadata\":{},\"status\":\"Failure\",\"reason\":\"NonZeroExitCode\",\"message\":\"command terminated "
                    + "with non-zero exit code\",\"details\":{\"causes\":[{\"reason\":\"ExitCode\",\"message\":\""
                    + result.exitCode() + "\"}]}}";
        } catch (Exception e) {
            status = "{\"metadata\":{},\"status\":\"Failure\",\"reason\":\"InternalError\",\"message\":\""
                    + String.valueOf(e.getMessage()).replace("\"", "'") + "\"}";
        }
        socket.send(onChannel(STATUS, status.getBytes(StandardCharsets.UTF_8)));
        socket.close(1000, "");
    }

    private static byte[] onChannel(byte channel, byte[] data) {
        byte[] frame = new byte[data.length + 1];
        frame[0] = channel;
        System.arraycopy(data, 0, frame, 1, data.length);
        return frame;
    }

    @Override
    public void shutdown() {
        crud.shutdown();
    }
}
