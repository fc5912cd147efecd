package cnibench.module.bench;

import cnibench.connection.CommandRequest;
import cnibench.connection.CommandResult;
import cnibench.connection.Connection;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.ModuleResult;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * An iperf3 server in the background of the target (its network namespace, when the connection
 * is one), started as a daemon with a pidfile and stopped through that pidfile.
 */
final class Iperf3Server {
    private static final Duration LISTEN_WAIT = Duration.ofSeconds(5);
    private static final String RUNNING = "kill -0 \"$(cat \"$1\" 2>/dev/null)\" 2>/dev/null";
    private static final String STOP = "pid=$(cat \"$1\" 2>/dev/null) || exit 3; kill \"$pid\" 2>/dev/null || exit 3; "
            + "i=0; while kill -0 \"$pid\" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done; rm -f \"$1\"";
    private static final int NOT_RUNNING = 3;

    private Iperf3Server() {
    }

    static String pidfile(Arguments args) {
        int port = args.has("port") ? args.integer("port") : Iperf3Command.DEFAULT_PORT;
        return args.str("pidfile", "/tmp/cnibench-iperf3-" + port + ".pid");
    }

    static ModuleResult start(Connection connection, Arguments args) throws IOException, InterruptedException {
        String pidfile = pidfile(args);
        if (running(connection, pidfile)) {
            return ModuleResult.changed(false).put("pid", pid(connection, pidfile)).put("pidfile", pidfile);
        }
        List<String> argv = Iperf3Command.server(args, true, pidfile);
        CommandResult started = connection.exec(CommandRequest.of(argv).withTimeout(Duration.ofSeconds(30)));
        if (!started.ok()) {
            return ModuleResult.failed(ToolOutput.firstLine(started.stderr(), started.stdout(), "iperf3 server did not start"))
                    .put("cmd", argv).put("rc", started.rc());
        }
        int port = args.has("port") ? args.integer("port") : Iperf3Command.DEFAULT_PORT;
        if (!waitUntilListening(connection, port)) {
            return ModuleResult.failed("iperf3 server did not listen on port " + port + " within "
                    + LISTEN_WAIT.toSeconds() + "s").put("cmd", argv).put("pidfile", pidfile);
        }
        return ModuleResult.changed(true).put("cmd", argv).put("pid", pid(connection, pidfile)).put("pidfile", pidfile);
    }

    static ModuleResult stop(Connection connection, Arguments args) throws IOException, InterruptedException {
        String pidfile = pidfile(args);
        CommandResult stopped = connection.exec(CommandRequest.of(List.of("/bin/sh", "-c", STOP, "sh", pidfile))
                .withTimeout(Duration.ofSeconds(30)));
        if (stopped.rc() != 0 && stopped.rc() != NOT_RUNNING) {
            return ModuleResult.failed(ToolOutput.firstLine(stopped.stderr(), stopped.stdout(), "could not stop the iperf3 server"));
        }
        return ModuleResult.changed(stopped.rc() == 0).put("pidfile", pidfile);
    }

    private static boolean running(Connection connection, String pidfile) throws IOException, InterruptedException {
        return connection.exec(CommandRequest.of(List.of("/bin/sh", "-c", RUNNING, "sh", pidfile))).ok();
    }

    private static Integer pid(Connection connection, String pidfile) throws IOException, InterruptedException {
        CommandResult read = connection.exec(CommandRequest.of(List.of("cat", pidfile)));
        try {
            return read.ok() ? Integer.valueOf(read.stdout().trim()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The daemon writes its pidfile before it binds: wait until the target's own socket tables
     * (those of its network namespace) show the port listening.
     */
    private static boolean waitUntilListening(Connection connection, int port) throws IOException, InterruptedException {
        String local = String.format(Locale.ROOT, ":%04X ", port);
        long deadline = System.nanoTime() + LISTEN_WAIT.toNanos();
        do {
            CommandResult tables = connection.exec(CommandRequest.of(List.of("/bin/sh", "-c",
                    "cat /proc/net/tcp /proc/net/tcp6 2>/dev/null")));
            for (String line : tables.stdout().split("\n")) {
                String[] fields = line.trim().split("\\s+");
                // fields: sl local_address rem_address st ...; st 0A is LISTEN
                if (fields.length > 3 && (fields[1] + " ").endsWith(local) && fields[3].equals("0A")) {
                    return true;
                }
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return false;
    }
}
