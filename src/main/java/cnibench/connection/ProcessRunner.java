package cnibench.connection;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteException;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/** Runs a command on this machine through commons-exec, capturing both outputs. */
public final class ProcessRunner {
    private static final String CURRENT_USER = System.getProperty("user.name");
    private static final boolean ROOT = "root".equals(CURRENT_USER);

    private ProcessRunner() {
    }

    /** Runs argv, with an optional prefix (such as {@code ip netns exec NAME}) put before it. */
    public static CommandResult run(List<String> prefix, CommandRequest request) throws IOException {
        List<String> argv = new ArrayList<>(prefix);
        if (request.becomeUser() != null && !request.becomeUser().equals(CURRENT_USER)) {
            argv.addAll(ROOT ? List.of("runuser", "-u", request.becomeUser(), "--")
                    : List.of("sudo", "-H", "-n", "-u", request.becomeUser(), "--"));
        }
        argv.addAll(request.argv());
        CommandLine line = new CommandLine(argv.get(0));
        for (String arg : argv.subList(1, argv.size())) {
            line.addArgument(arg, false);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayInputStream in = request.stdin() == null ? null
                : new ByteArrayInputStream(request.stdin().getBytes(StandardCharsets.UTF_8));
        DefaultExecutor.Builder<?> builder = DefaultExecutor.builder();
        if (request.chdir() != null) {
            builder.setWorkingDirectory(new File(request.chdir()));
        }
        DefaultExecutor executor = builder.get();
        executor.setStreamHandler(new PumpStreamHandler(out, err, in));
        executor.setExitValues(null);
        executor.setProcessDestroyer(RunningProcesses.instance());
        Duration timeout = request.timeout();
        if (timeout != null) {
            executor.setWatchdog(ExecuteWatchdog.builder().setTimeout(timeout).get());
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(request.env());
        int rc;
        try {
            rc = executor.execute(line, env);
        } catch (ExecuteException e) {
            rc = e.getExitValue();
        } catch (IOException e) {
            // the program could not be started at all: report it as the shell would
            return new CommandResult(127, "", "[Errno 2] No such file or directory: b'" + argv.get(0) + "'");
        }
        if (executor.getWatchdog() != null && executor.getWatchdog().killedProcess()) {
            throw new IOException("command timed out after " + timeout.toSeconds() + "s: " + String.join(" ", request.argv()));
        }
        return new CommandResult(rc, chomp(out.toString(StandardCharsets.UTF_8)), chomp(err.toString(StandardCharsets.UTF_8)));
    }

    private static String chomp(String text) {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
