package cnibench.module.bench;

import cnibench.connection.CommandRequest;
import cnibench.connection.CommandResult;
import cnibench.executor.Interruption;
import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import cnibench.text.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * HTTP load from Java: constant concurrency or a constant arrival rate, HdrHistogram percentiles,
 * each response labelled by a regex over its body (which backend answered), the mirror analyzer's
 * log joined by request number. It sends from the task's host: in this JVM for a local host, and
 * for any other connection (a network namespace of the lab) as a child JVM started through it.
 */
public final class HttpLoadModule extends FixedSpecModule {
    /** Time a child JVM gets beyond the planned run: its start, the last timeouts, the mirror wait, the files. */
    private static final int CHILD_SLACK_SECONDS = 60;
    /** A run bounded by a request count alone has no planned length. */
    private static final int CHILD_UNPLANNED_SECONDS = 3600;
    private static final String DEFAULT_MIRROR_HEADER = "X-Cnibench-Request";

    private static final ModuleSpec SPEC = ModuleSpec.builder("http_load")
            .own()
            .description("Sends HTTP/1.1 load over keep-alive connections from the task's host: constant concurrency, or a "
                    + "constant arrival rate with latency measured from each request's due time (no coordinated omission). "
                    + "Counts responses per label (a regex over the body: which backend answered) with Wilson 95 % intervals, "
                    + "latency percentiles (HdrHistogram), errors by kind (connect, reset, timeout, protocol, status_5xx; "
                    + "status_4xx is shown but is not an error), a timeline, and the share of requests a mirror analyzer logged. "
                    + "A request whose reused connection the server had closed is sent again on a new one (counted in retried).")
            .arg(ArgSpec.of("url", ArgType.STR, "http:// URL to load (no https).").asRequired())
            .arg(ArgSpec.of("method", ArgType.STR, "Request method.").defaultValue("GET"))
            .arg(ArgSpec.of("headers", ArgType.DICT, "Request headers (Host replaces the URL's)."))
            .arg(ArgSpec.of("body", ArgType.STR, "Request body, sent with its Content-Length."))
            .arg(ArgSpec.of("timeout_ms", ArgType.INT, "Milliseconds a request may take before it counts as a timeout.")
                    .defaultValue(2000))
            .arg(ArgSpec.of("connect_timeout_ms", ArgType.INT, "Milliseconds a connection may take.").defaultValue(1000))
            .arg(ArgSpec.of("connections", ArgType.INT, "Connections, one sender each: the concurrency.").defaultValue(10))
            .arg(ArgSpec.of("duration", ArgType.FLOAT, "Seconds to send for, after the warm-up."))
            .arg(ArgSpec.of("requests", ArgType.INT, "Requests to send and count, after the warm-up."))
            .arg(ArgSpec.of("rate", ArgType.FLOAT, "Requests per second (open model); without it each connection sends "
                    + "back to back (closed model)."))
            .arg(ArgSpec.of("label", ArgType.STR, "Regex with one group, searched in each body: the response's label "
                    + "(unmatched: '(none)'). The first 16 KiB of a body are searched."))
            .arg(ArgSpec.of("expected_shares", ArgType.DICT, "Configured share (0..1) per label: these labels always appear, "
                    + "first and in this order."))
            .arg(ArgSpec.of("warmup", ArgType.FLOAT, "Seconds of requests sent first and not counted.").defaultValue(0.0))
            .arg(ArgSpec.of("csv_dest", ArgType.PATH, "CSV to append one row per label to (header when new)."))
            .arg(ArgSpec.of("csv_labels", ArgType.DICT, "Leading columns of every CSV row, e.g. {stage: 5, repeat: 1}."))
            .arg(ArgSpec.of("timeline_dest", ArgType.PATH, "CSV to append one row per time bucket to."))
            .arg(ArgSpec.of("timeline_interval_ms", ArgType.INT, "Width of a timeline bucket.").defaultValue(100))
            .arg(ArgSpec.of("raw_dest", ArgType.PATH, "JSON file for the whole result with the latency distribution."))
            .arg(ArgSpec.of("mirror", ArgType.DICT, "{log: PATH, header: NAME}: number every request in header NAME "
                    + "(default " + DEFAULT_MIRROR_HEADER + ") and join with the analyzer's log of numbers afterwards. "
                    + "Empty the log before the run."))
            .arg(ArgSpec.of("mirror_csv_dest", ArgType.PATH, "CSV to append the mirror join to, one row per label and 'all'."))
            .arg(ArgSpec.of("max_error_rate", ArgType.FLOAT, "Fail when errors / requests is above this."))
            .mutuallyExclusive("duration", "requests")
            .requiredOneOf("duration", "requests")
            .examples("""
                    - name: Load the gateway for one canary stage
                      http_load:
                        url: "http://{{ gateway_ip }}/echo"
                        connections: 10
                        duration: 30
                        warmup: 2
                        label: 'Hostname: ([\\w.-]+)'
                        expected_shares: {stable: 0.95, canary: 0.05}
                        csv_dest: "{{ cnibench_run_dir }}/split.csv"
                        timeline_dest: "{{ cnibench_run_dir }}/timeline.csv"
                        csv_labels: {cni: antrea, stage: 5}
                      register: load
                    - name: Open model at 2000 requests/s, mirrored requests joined with the analyzer's log
                      http_load:
                        url: "http://{{ gateway_ip }}/echo"
                        rate: 2000
                        duration: 30
                        mirror: {log: /tmp/analyzer.log}
                    """)
            .build();

    public HttpLoadModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext context, Arguments args) throws Exception {
        String invalid = invalid(args);
        if (invalid != null) {
            return ModuleResult.failed(invalid);
        }
        HttpLoadSettings settings = settings(context, args);
        Map<String, Object> result = context.connection().type().equals("local")
                ? HttpLoad.run(settings, context::progress, Interruption::requested) : inChildJvm(context, settings);
        return result == null ? ModuleResult.failed("http_load: the child JVM printed no result") : toResult(result);
    }

    /** Why the arguments cannot make a run, or null. */
    private static String invalid(Arguments args) {
        URI url;
        try {
            url = URI.create(args.str("url"));
        } catch (IllegalArgumentException e) {
            return "url is not a URL: " + args.str("url");
        }
        if (!"http".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            return "url must be http://HOST[:PORT]/PATH (https is not supported): " + args.str("url");
        }
        if (args.has("label")) {
            try {
                if (Pattern.compile(args.str("label")).matcher("").groupCount() != 1) {
                    return "label must have exactly one group, the label to count by: " + args.str("label");
                }
            } catch (PatternSyntaxException e) {
                return "label is not a regular expression: " + e.getDescription();
            }
        }
        for (Map.Entry<String, Object> e : args.map("expected_shares").entrySet()) {
            if (!(e.getValue() instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 1) {
                return "expected_shares: the share of " + e.getKey() + " must be a number from 0 to 1, got " + e.getValue();
            }
        }
        if (args.has("mirror") && args.map("mirror").get("log") == null) {
            return "mirror needs log, the analyzer's log of request numbers";
        }
        for (String positive : List.of("connections", "timeout_ms", "connect_timeout_ms", "timeline_interval_ms", "requests",
                "duration", "rate")) {
            if (args.has(positive) && ((Number) args.raw(positive)).doubleValue() <= 0) {
                return positive + " must be greater than 0";
            }
        }
        return null;
    }

    private static HttpLoadSettings settings(ModuleContext context, Arguments args) {
        Map<String, String> headers = new LinkedHashMap<>();
        args.map("headers").forEach((name, value) -> headers.put(name, String.valueOf(value)));
        Map<String, Double> expected = new LinkedHashMap<>();
        args.map("expected_shares").forEach((label, share) -> expected.put(label, ((Number) share).doubleValue()));
        Map<String, Object> mirror = args.map("mirror");
        return new HttpLoadSettings(args.str("url"), args.str("method").toUpperCase(), headers, args.str("body"),
                args.integer("timeout_ms"), args.integer("connect_timeout_ms"), args.integer("connections"),
                args.number("duration"), args.has("requests") ? args.integer("requests").longValue() : null, args.number("rate"),
                args.str("label"), expected, args.number("warmup"), path(context, args.str("csv_dest")),
                new LinkedHashMap<>(args.map("csv_labels")), path(context, args.str("timeline_dest")),
                args.integer("timeline_interval_ms"), path(context, args.str("raw_dest")),
                path(context, mirror.get("log") == null ? null : String.valueOf(mirror.get("log"))),
                String.valueOf(mirror.getOrDefault("header", DEFAULT_MIRROR_HEADER)), path(context, args.str("mirror_csv_dest")),
                args.number("max_error_rate"));
    }

    private static String path(ModuleContext context, String name) {
        return name == null ? null : ResultPaths.resolve(context, name).toAbsolutePath().toString();
    }

    /**
     * Runs the load as `java ... HttpLoadChild` through the task's connection, with this JVM's
     * program and class path (the connection's hosts share this machine's file system).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> inChildJvm(ModuleContext context, HttpLoadSettings settings) throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> argv = List.of(java, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                HttpLoadChild.class.getName());
        double planned = settings.plannedSeconds();
        long limit = planned > 0 ? (long) Math.ceil(planned) + CHILD_SLACK_SECONDS : CHILD_UNPLANNED_SECONDS;
        CommandResult result;
        try (ProgressTicker ignored = new ProgressTicker(context, "http_load " + settings.url() + ":", (long) planned)) {
            result = context.connection().exec(CommandRequest.of(argv)
                    .withStdin(Json.MAPPER.writeValueAsString(settings)).withTimeout(Duration.ofSeconds(limit)));
        }
        if (result.rc() != 0) {
            throw new IllegalStateException(ToolOutput.firstLine(result.stderr(), result.stdout(),
                    "the http_load child JVM exited with rc " + result.rc()));
        }
        try {
            return Json.MAPPER.readValue(result.stdout(), Map.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static ModuleResult toResult(Map<String, Object> map) {
        Map<String, Object> fields = new LinkedHashMap<>(map);
        boolean failed = Boolean.TRUE.equals(fields.remove("failed"));
        String msg = (String) fields.remove("msg");
        // changed as the iperf3 and k6 modules report a measurement: the run sent traffic and wrote its files
        return (failed ? ModuleResult.failed(msg) : ModuleResult.ok().msg(msg)).setChanged(true).putAll(fields);
    }
}
