package cnibench.module.bench;

import cnibench.connection.CommandRequest;
import cnibench.connection.CommandResult;
import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import cnibench.text.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs iperf3 on the target through its connection (inside the network namespace for a netns
 * host) and parses its JSON; or parses JSON captured elsewhere, such as a client pod's log.
 */
public final class Iperf3Module extends FixedSpecModule {
    /** Time allowed beyond the test itself for connecting and the end-of-test exchange. */
    private static final int SLACK_SECONDS = 60;
    private static final ObjectMapper JSON = Json.MAPPER;

    private static final ModuleSpec SPEC = ModuleSpec.builder("iperf3")
            .own()
            .description("Runs an iperf3 client or server on the target and parses iperf3's JSON into summary and intervals.")
            .arg(ArgSpec.of("mode", ArgType.STR, "Run the client or a server.").choices("client", "server").defaultValue("client"))
            .arg(ArgSpec.of("server", ArgType.STR, "Host the client connects to.").aliases("host"))
            .arg(ArgSpec.of("port", ArgType.INT, "Server port (iperf3 -p)."))
            .arg(ArgSpec.of("bind", ArgType.STR, "Local address to bind (-B)."))
            .arg(ArgSpec.of("time", ArgType.INT, "Seconds to transmit (-t)."))
            .arg(ArgSpec.of("parallel", ArgType.INT, "Parallel streams (-P)."))
            .arg(ArgSpec.of("reverse", ArgType.BOOL, "The server sends (-R).").defaultValue(false))
            .arg(ArgSpec.of("udp", ArgType.BOOL, "Use UDP (-u).").defaultValue(false))
            .arg(ArgSpec.of("bitrate", ArgType.STR, "Target bitrate, e.g. 1G (-b).").aliases("bandwidth"))
            .arg(ArgSpec.of("omit", ArgType.INT, "Seconds omitted at the start (-O)."))
            .arg(ArgSpec.of("length", ArgType.STR, "Buffer length (-l)."))
            .arg(ArgSpec.of("interval", ArgType.FLOAT, "Seconds between interval reports (-i)."))
            .arg(ArgSpec.of("connect_timeout", ArgType.INT, "Milliseconds to wait for the connection (--connect-timeout)."))
            .arg(ArgSpec.of("extra_args", ArgType.LIST, "More iperf3 arguments, appended as they are.").elements(ArgType.STR))
            .arg(ArgSpec.of("raw_dest", ArgType.PATH, "File to keep iperf3's JSON in."))
            .arg(ArgSpec.of("csv_dest", ArgType.PATH, "iperf.csv to add this run's intervals to (created with a header)."))
            .arg(ArgSpec.of("csv_labels", ArgType.DICT, "run, repeat and path of this run in csv_dest (default 1, 1, the server)."))
            .arg(ArgSpec.of("json_input", ArgType.RAW, "iperf3 JSON (text or dict) to parse instead of running iperf3."))
            .arg(ArgSpec.of("json_file", ArgType.PATH, "File with iperf3 JSON to parse instead of running iperf3."))
            .arg(ArgSpec.of("one_off", ArgType.BOOL, "The server serves one test, then exits (-1).").defaultValue(false))
            .arg(ArgSpec.of("daemon", ArgType.BOOL, "Run the server as a daemon (-D); the same as state=started.").defaultValue(false))
            .arg(ArgSpec.of("pidfile", ArgType.PATH, "The server's pidfile (default /tmp/cnibench-iperf3-PORT.pid)."))
            .arg(ArgSpec.of("state", ArgType.STR, "Have a background server started, or stop it by its pidfile.")
                    .choices("started", "stopped"))
            .arg(ArgSpec.of("timeout", ArgType.INT, "Seconds iperf3 may run (default: test time plus 60 for a client)."))
            .arg(ArgSpec.of("executable", ArgType.STR, "The iperf3 program.").defaultValue("iperf3"))
            .mutuallyExclusive("json_input", "json_file")
            .mutuallyExclusive("daemon", "state")
            .examples("""
                    - name: Start the iperf3 server in the external namespace
                      iperf3: {mode: server, port: 5201, state: started}
                    - name: Measure through the egress gateway
                      iperf3:
                        server: 10.0.0.100
                        time: 30
                        raw_dest: "{{ run_dir }}/iperf-gateway-{{ item }}.json"
                        csv_dest: "{{ run_dir }}/iperf.csv"
                        csv_labels: {run: 1, repeat: "{{ item }}", path: gateway}
                      loop: [1, 2, 3]
                      register: iperf
                    - name: Parse the client pod's log
                      iperf3: {json_input: "{{ pod_log.log }}"}
                    """)
            .build();

    public Iperf3Module() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext context, Arguments args) throws Exception {
        if (args.has("json_input")) {
            Object input = args.raw("json_input");
            String text = input instanceof String s ? s : JSON.writeValueAsString(input);
            Iperf3Report parsed = Iperf3Json.parse(text);
            return withCsv(context, args, parsed, report(parsed).setChanged(false));
        }
        if (args.has("json_file")) {
            Path file = ResultPaths.resolve(context, args.str("json_file"));
            if (!Files.isRegularFile(file)) {
                return ModuleResult.failed("json_file " + file + " does not exist");
            }
            Iperf3Report parsed = Iperf3Json.parse(Files.readString(file, StandardCharsets.UTF_8));
            return withCsv(context, args, parsed, report(parsed).setChanged(false));
        }
        if (args.str("mode").equals("server")) {
            return server(context, args);
        }
        if (!args.has("server")) {
            return ModuleResult.failed("mode is client but all of the following are missing: server");
        }
        return client(context, args);
    }

    private ModuleResult client(ModuleContext context, Arguments args) throws Exception {
        List<String> argv = Iperf3Command.client(args);
        int seconds = (args.has("time") ? args.integer("time") : Iperf3Command.DEFAULT_TIME)
                + (args.has("omit") ? args.integer("omit") : 0);
        Duration timeout = Duration.ofSeconds(args.has("timeout") ? args.integer("timeout") : seconds + SLACK_SECONDS);
        CommandResult result;
        try (ProgressTicker ignored = new ProgressTicker(context, "iperf3 to " + args.str("server") + ":", seconds)) {
            result = context.connection().exec(CommandRequest.of(argv).withTimeout(timeout));
        }
        return measured(context, args, argv, result);
    }

    private ModuleResult server(ModuleContext context, Arguments args) throws Exception {
        if ("stopped".equals(args.str("state"))) {
            return Iperf3Server.stop(context.connection(), args);
        }
        if ("started".equals(args.str("state")) || args.bool("daemon")) {
            return Iperf3Server.start(context.connection(), args);
        }
        if (!args.bool("one_off")) {
            return ModuleResult.failed("a server in the foreground never ends: set one_off, daemon or state");
        }
        List<String> argv = Iperf3Command.server(args, false, args.str("pidfile"));
        CommandRequest request = CommandRequest.of(argv);
        if (args.has("timeout")) {
            request = request.withTimeout(Duration.ofSeconds(args.integer("timeout")));
        }
        return measured(context, args, argv, context.connection().exec(request));
    }

    /** The result of a run that printed iperf3 JSON: parsed, kept in raw_dest when asked. */
    private ModuleResult measured(ModuleContext context, Arguments args, List<String> argv, CommandResult result) throws Exception {
        Iperf3Report report;
        try {
            report = Iperf3Json.parse(result.stdout());
        } catch (IllegalArgumentException e) {
            return ModuleResult.failed(ToolOutput.firstLine(result.stderr(), result.stdout(), e.getMessage()))
                    .put("cmd", argv).put("rc", result.rc()).put("stdout", result.stdout()).put("stderr", result.stderr());
        }
        ModuleResult out = report(report).setChanged(true).put("cmd", argv).put("rc", result.rc());
        if (args.has("raw_dest")) {
            Path dest = ResultPaths.resolve(context, args.str("raw_dest"));
            ResultPaths.write(dest, result.stdout() + "\n");
            out.put("raw_dest", dest.toString());
        }
        if (report.error() == null && result.rc() != 0) {
            out.setFailed(true).msg(ToolOutput.firstLine(result.stderr(), "", "iperf3 exited with rc " + result.rc()));
        }
        return withCsv(context, args, report, out);
    }

    /** Adds the intervals of a successful run to csv_dest when one is named. */
    private static ModuleResult withCsv(ModuleContext context, Arguments args, Iperf3Report report, ModuleResult out)
            throws Exception {
        if (!args.has("csv_dest") || out.isFailed()) {
            return out;
        }
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("run", 1);
        labels.put("repeat", 1);
        labels.put("path", args.str("server", "iperf3"));
        labels.putAll(args.map("csv_labels"));
        Path csv = ResultPaths.resolve(context, args.str("csv_dest"));
        int rows = Iperf3Csv.append(csv, report, labels);
        return out.setChanged(true).put("csv_dest", csv.toString()).put("csv_rows", rows);
    }

    private static ModuleResult report(Iperf3Report report) {
        Map<String, Object> summary = report.summary().toMap();
        ModuleResult out = report.error() != null ? ModuleResult.failed(report.error()) : ModuleResult.ok();
        return out.put("summary", summary).put("intervals", report.intervalMaps()).put("raw", report.raw());
    }
}
