package cnibench.module.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A keep-alive HTTP/1.1 server on loopback for the http_load tests, a thread per connection: answers
 * request n (counted over all connections) with whatever {@link Answer} the test chose for n, and
 * keeps the value of the request-number header of every request it read.
 */
final class LoopbackHttpServer implements AutoCloseable {
    /** What request n gets. */
    record Answer(int status, String body, boolean chunked, long stallMs, boolean dropConnection) {
        static Answer ok(String body) {
            return new Answer(200, body, false, 0, false);
        }

        Answer stalled(long ms) {
            return new Answer(status, body, chunked, ms, dropConnection);
        }
    }

    private final ServerSocket server;
    private final LongFunction<Answer> answers;
    private final AtomicLong count = new AtomicLong();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Queue<String> numbers = new ConcurrentLinkedQueue<>();
    private final Thread acceptor;

    LoopbackHttpServer(LongFunction<Answer> answers) throws IOException {
        this.answers = answers;
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "loopback-http accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Backend "a" except every {@code every}-th request, which backend "b" answers. */
    static LoopbackHttpServer split(int every) throws IOException {
        return new LoopbackHttpServer(n -> Answer.ok("Hostname: " + (n % every == every - 1 ? "b" : "a") + "\nIP: 127.0.0.1\n"));
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/echo";
    }

    int port() {
        return server.getLocalPort();
    }

    long requests() {
        return count.get();
    }

    /** The request-number header values, in the order the requests were read. */
    List<String> numbers() {
        return List.copyOf(numbers);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread t = new Thread(() -> serve(socket), "loopback-http conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream()); OutputStream out = socket.getOutputStream()) {
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                for (String line : head.split("\r\n")) {
                    if (line.toLowerCase().startsWith("x-cnibench-request:")) {
                        numbers.add(line.substring(line.indexOf(':') + 1).strip());
                    }
                }
                Answer answer = answers.apply(count.getAndIncrement());
                if (answer.stallMs() > 0) {
                    Thread.sleep(answer.stallMs());
                }
                if (answer.dropConnection()) {
                    return;
                }
                out.write(response(answer));
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client went away
        }
    }

    private static byte[] response(Answer a) {
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        String reason = a.status() == 200 ? "OK" : "Status";
        if (!a.chunked()) {
            String head = "HTTP/1.1 " + a.status() + " " + reason + "\r\nContent-Type: text/plain\r\nContent-Length: "
                    + body.length + "\r\n\r\n";
            return concat(head.getBytes(StandardCharsets.US_ASCII), body);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("HTTP/1.1 " + a.status() + " " + reason + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        for (int at = 0; at < body.length; at += 5) { // small chunks, so a label spans several
            int n = Math.min(5, body.length - at);
            out.writeBytes((Integer.toHexString(n) + ";ext=1\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\nX-Trailer: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The request head, or null at the end of the connection; request bodies are not expected. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int c;
        while ((c = in.read()) >= 0) {
            head.write(c);
            matched = (c == '\r' || c == '\n') && "\r\n\r\n".charAt(matched) == c ? matched + 1 : (c == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
