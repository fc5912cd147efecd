package cnibench.module.core;

import cnibench.connection.Connection;
import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * ansible.builtin.wait_for: waits for a port to open or close, a file to appear or disappear (or
 * contain a pattern), connections to drain, or simply for a time; as seen from the host.
 */
public final class WaitForModule extends FixedSpecModule {
    private static final Pattern PYTHON_GROUP_NAME = Pattern.compile("\\(\\?P<([A-Za-z_][A-Za-z0-9_]*)>");

    private static final ModuleSpec SPEC = ModuleSpec.builder("wait_for").builtin()
            .description("Waits for a condition before continuing: a TCP port started/stopped/drained, a file present"
                    + " or absent (optionally containing a regex), or just a timeout.")
            .arg(ArgSpec.of("host", ArgType.STR, "A resolvable hostname or IP address to wait for.").defaultValue("127.0.0.1"))
            .arg(ArgSpec.of("timeout", ArgType.INT, "Maximum number of seconds to wait for.").defaultValue(300))
            .arg(ArgSpec.of("connect_timeout", ArgType.INT, "Maximum number of seconds to wait for a connection to happen"
                    + " before closing and retrying.").defaultValue(5))
            .arg(ArgSpec.of("delay", ArgType.INT, "Number of seconds to wait before starting to poll.").defaultValue(0))
            .arg(ArgSpec.of("port", ArgType.INT, "Port number to poll."))
            .arg(ArgSpec.of("active_connection_states", ArgType.LIST, "The TCP connection states counted as active"
                    + " connections (state=drained).").elements(ArgType.STR)
                    .defaultValue(List.of("ESTABLISHED", "FIN_WAIT1", "FIN_WAIT2", "SYN_RECV", "SYN_SENT", "TIME_WAIT")))
            .arg(ArgSpec.of("path", ArgType.PATH, "Path to a file on the filesystem that must exist before continuing."))
            .arg(ArgSpec.of("search_regex", ArgType.STR, "Can be used to match a string in either a file or a socket"
                    + " connection (multiline)."))
            .arg(ArgSpec.of("state", ArgType.STR, "present/started wait for the file or open port, absent/stopped for"
                    + " its removal or closing, drained for no active connections.").defaultValue("started")
                    .choices("absent", "drained", "present", "started", "stopped"))
            .arg(ArgSpec.of("exclude_hosts", ArgType.LIST, "Hosts or IPs to ignore when looking for active TCP"
                    + " connections (state=drained).").elements(ArgType.STR))
            .arg(ArgSpec.of("sleep", ArgType.INT, "Number of seconds to sleep between checks.").defaultValue(1))
            .arg(ArgSpec.of("msg", ArgType.STR, "This overrides the normal error message from a failure to meet the"
                    + " required conditions."))
            .examples("""
                    - name: Wait for the Prometheus API on the lab node
                      ansible.builtin.wait_for:
                        host: 127.0.0.1
                        port: 9090
                        timeout: 60

                    - name: Wait until the iperf3 server wrote its result
                      ansible.builtin.wait_for:
                        path: /tmp/iperf3.json
                        search_regex: '"end":'
                    """)
            .build();

    public WaitForModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext context, Arguments args) throws IOException, InterruptedException {
        String state = args.str("state");
        Integer port = args.integer("port");
        String path = args.str("path");
        String regex = args.str("search_regex");
        Pattern pattern;
        try {
            pattern = regex == null ? null : Pattern.compile(PYTHON_GROUP_NAME.matcher(regex).replaceAll("(?<$1>"), Pattern.MULTILINE);
        } catch (PatternSyntaxException e) {
            return ModuleResult.failed("Invalid regular expression: " + e.getDescription());
        }
        String invalid = invalidCombination(args, state, port, path);
        if (invalid != null) {
            return ModuleResult.failed(invalid).put("elapsed", 0);
        }
        Wait wait = new Wait(context.connection(), args, pattern);
        long start = System.nanoTime();
        Thread.sleep(args.integer("delay") * 1000L);
        String failure;
        if (port == null && path == null && !state.equals("drained")) {
            Thread.sleep(args.integer("timeout") * 1000L);
            failure = null;
        } else {
            failure = wait.until(start + args.integer("timeout") * 1_000_000_000L, state, port, path);
        }
        int elapsed = (int) ((System.nanoTime() - start) / 1_000_000_000L);
        if (failure != null) {
            return ModuleResult.failed(args.str("msg", failure)).put("elapsed", elapsed);
        }
        ModuleResult result = ModuleResult.ok()
                .put("state", state)
                .put("port", port)
                .put("search_regex", regex)
                .put("match_groups", wait.groups)
                .put("match_groupdict", wait.groupDict(regex))
                .put("path", path)
                .put("elapsed", elapsed);
        return path == null ? result : ResultPathInfo.add(result, context.connection().path(path));
    }

    private static String invalidCombination(Arguments args, String state, Integer port, String path) {
        if (port != null && path != null) {
            return "port and path parameter can not both be passed to wait_for";
        }
        if (path != null && (state.equals("stopped") || state.equals("drained"))) {
            return "state=" + state + " should only be used for checking a port in the wait_for module";
        }
        if (args.has("exclude_hosts") && !state.equals("drained")) {
            return "exclude_hosts should only be with state=drained";
        }
        for (String name : args.strings("active_connection_states")) {
            try {
                TcpConnections.stateId(name);
            } catch (IllegalArgumentException e) {
                return "unknown active_connection_state (" + name + ") defined";
            }
        }
        return null;
    }

    /** The polling loop, remembering the groups of a search_regex match. */
    private static final class Wait {
        private final Connection connection;
        private final Arguments args;
        private final Pattern pattern;
        private final String host;
        private List<String> groups = List.of();
        private Matcher match;

        Wait(Connection connection, Arguments args, Pattern pattern) {
            this.connection = connection;
            this.args = args;
            this.pattern = pattern;
            this.host = args.str("host");
        }

        /** Polls until the condition holds (null) or the deadline passes (the failure message). */
        String until(long deadline, String state, Integer port, String path) throws IOException, InterruptedException {
            PortProbe probe = PortProbe.on(connection);
            TcpConnections drained = state.equals("drained")
                    ? new TcpConnections(connection, host, port == null ? 0 : port, args.strings("active_connection_states"),
                    args.strings("exclude_hosts"))
                    : null;
            while (System.nanoTime() < deadline) {
                boolean done = switch (state) {
                    case "absent", "stopped" -> path != null ? !Files.exists(connection.path(path))
                            : !probe.connects(host, port, args.integer("connect_timeout"));
                    case "drained" -> drained.activeCount() == 0;
                    default -> path != null ? fileReady(connection.path(path)) : portReady(probe, port, deadline);
                };
                if (done) {
                    return null;
                }
                Thread.sleep(args.integer("sleep") * 1000L);
            }
            return timeoutMessage(state, port, path);
        }

        private boolean fileReady(Path file) throws IOException {
            if (!Files.exists(file)) {
                return false;
            }
            if (pattern == null) {
                return true;
            }
            Matcher m = pattern.matcher(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            return m.find() && matched(m);
        }

        private boolean portReady(PortProbe probe, int port, long deadline) throws IOException, InterruptedException {
            if (pattern == null) {
                return probe.connects(host, port, Math.min(args.integer("connect_timeout"), PortProbe.secondsLeft(deadline)));
            }
            Matcher m = probe.read(host, port, pattern, deadline);
            return m != null && matched(m);
        }

        private boolean matched(Matcher m) {
            match = m;
            List<String> found = new ArrayList<>();
            for (int i = 1; i <= m.groupCount(); i++) {
                found.add(m.group(i));
            }
            groups = found;
            return true;
        }

        Map<String, Object> groupDict(String regex) {
            Map<String, Object> dict = new LinkedHashMap<>();
            if (match != null && regex != null) {
                Matcher names = PYTHON_GROUP_NAME.matcher(regex);
                while (names.find()) {
                    dict.put(names.group(1), match.group(names.group(1)));
                }
            }
            return dict;
        }

        private String timeoutMessage(String state, Integer port, String path) {
            String regex = args.str("search_regex");
            return switch (state) {
                case "absent", "stopped" -> port != null ? "Timeout when waiting for " + host + ":" + port + " to stop."
                        : "Timeout when waiting for " + path + " to be absent.";
                case "drained" -> "Timeout when waiting for " + host + ":" + port + " to drain";
                default -> port != null
                        ? (regex != null ? "Timeout when waiting for search string " + regex + " in " + host + ":" + port
                        : "Timeout when waiting for " + host + ":" + port)
                        : (regex != null ? "Timeout when waiting for search string " + regex + " in " + path
                        : "Timeout when waiting for file " + path);
            };
        }
    }
}
