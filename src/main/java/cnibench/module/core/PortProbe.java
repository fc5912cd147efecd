package cnibench.module.core;

import cnibench.connection.CommandRequest;
import cnibench.connection.CommandResult;
import cnibench.connection.Connection;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Connects to a TCP port as seen from the host: with JVM sockets on the local connection, and through
 * bash's /dev/tcp on others (a network namespace has its own loopback and routes).
 */
abstract class PortProbe {
    /** Whether a connection is accepted within the timeout. */
    abstract boolean connects(String host, int port, int timeoutSeconds) throws IOException, InterruptedException;

    /** Connects and reads until the pattern matches, the peer closes or the time is up; the match or null. */
    abstract Matcher read(String host, int port, Pattern pattern, long deadlineNanos) throws IOException, InterruptedException;

    static PortProbe on(Connection connection) {
        return connection.type().equals("local") ? new Local() : new ThroughConnection(connection);
    }

    static int secondsLeft(long deadlineNanos) {
        return (int) Math.max(1, Math.ceil((deadlineNanos - System.nanoTime()) / 1e9));
    }

    private static final class Local extends PortProbe {
        @Override
        boolean connects(String host, int port, int timeoutSeconds) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), Math.max(timeoutSeconds, 1) * 1000);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        Matcher read(String host, int port, Pattern pattern, long deadlineNanos) {
            StringBuilder data = new StringBuilder();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), secondsLeft(deadlineNanos) * 1000);
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[1024];
                while (System.nanoTime() < deadlineNanos) {
                    socket.setSoTimeout(secondsLeft(deadlineNanos) * 1000);
                    int n;
                    try {
                        n = in.read(buffer);
                    } catch (SocketTimeoutException e) {
                        continue;
                    }
                    if (n < 0) {
                        break;
                    }
                    data.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    Matcher m = pattern.matcher(data);
                    if (m.find()) {
                        return m;
                    }
                }
            } catch (IOException e) {
                return null;
            }
            return null;
        }
    }

    private static final class ThroughConnection extends PortProbe {
        private final Connection connection;

        ThroughConnection(Connection connection) {
            this.connection = connection;
        }

        @Override
        boolean connects(String host, int port, int timeoutSeconds) throws IOException, InterruptedException {
            return bash(timeoutSeconds, "exec 3<>/dev/tcp/\"$0\"/\"$1\"", host, port).rc() == 0;
        }

        @Override
        Matcher read(String host, int port, Pattern pattern, long deadlineNanos) throws IOException, InterruptedException {
            CommandResult ran = bash(secondsLeft(deadlineNanos), "exec 3<>/dev/tcp/\"$0\"/\"$1\" && cat <&3", host, port);
            Matcher m = pattern.matcher(ran.stdout());
            return m.find() ? m : null;
        }

        private CommandResult bash(int seconds, String script, String host, int port) throws IOException, InterruptedException {
            return connection.exec(CommandRequest.of(List.of("timeout", String.valueOf(seconds), "bash", "-c", script,
                    host, String.valueOf(port))));
        }
    }
}
