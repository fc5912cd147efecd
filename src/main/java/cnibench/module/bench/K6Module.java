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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Renders a k6 script from a Jinja template, runs `k6 run` on the target, and reads the summary k6
 * exports; a regular expression over k6's console output counts which backend answered each
 * request, which is how the ingress benchmark observes a weighted split.
 */
public final class K6Module extends FixedSpecModule {
    /** k6's exit code when a threshold of the script was crossed: the run happened, its numbers stand. */
    private static final int THRESHOLDS_CROSSED = 99;
    private static final Pattern SECONDS = Pattern.compile("(\\d+)s?");

    private static final ModuleSpec SPEC = ModuleSpec.builder("k6")
            .own()
            .description("Runs a k6 load test from a templated script and returns its summary (requests, failures, latency) "
                    + "and, with count, how many responses each backend gave.")
            .arg(ArgSpec.of("src", ArgType.STR, "The k6 script, a Jinja template (looked up as the template module's src).")
                    .asRequired())
            .arg(ArgSpec.of("script_dest", ArgType.PATH, "Where to keep the rendered script (default: a temporary file)."))
            .arg(ArgSpec.of("vus", ArgType.INT, "Virtual users (--vus), over the script's options."))
            .arg(ArgSpec.of("duration", ArgType.STR, "Test duration such as 30s (--duration), over the script's options."))
            .arg(ArgSpec.of("iterations", ArgType.INT, "Total iterations (--iterations)."))
            .arg(ArgSpec.of("env", ArgType.DICT, "Variables for the script's __ENV (-e NAME=VALUE)."))
            .arg(ArgSpec.of("extra_args", ArgType.LIST, "More k6 run arguments, appended as they are.").elements(ArgType.STR))
            .arg(ArgSpec.of("summary_dest", ArgType.PATH, "File to keep k6's summary JSON in."))
            .arg(ArgSpec.of("log_dest", ArgType.PATH, "File to keep k6's console output in."))
            .arg(ArgSpec.of("count", ArgType.STR, "A regular expression with one group, matched in every console line: "
                    + "the result's counts and shares are per captured value."))
            .arg(ArgSpec.of("labels", ArgType.LIST, "Values of count that are always reported, first and in this order, "
                    + "with 0 when never seen (the route's backends).").elements(ArgType.STR))
            .arg(ArgSpec.of("timeout", ArgType.INT, "Seconds k6 may run (default: the duration plus 120, or 3600)."))
            .arg(ArgSpec.of("executable", ArgType.STR, "The k6 program.").defaultValue("k6"))
            .examples("""
                    - name: Load the gateway for one canary stage
                      k6:
                        src: k6-gateway.js.j2
                        vus: 10
                        duration: 30s
                        count: 'Hostname: ([\\w.-]+)'
                        summary_dest: "{{ cnibench_run_dir }}/k6/stage-{{ stage }}.json"
                      register: load
                    - debug:
                        msg: "{{ load.shares }} of {{ load.requests }} requests, p95 {{ load.duration_ms.p95 }} ms"
                    """)
            .build();

    public K6Module() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext context, Arguments args) throws Exception {
        Pattern count;
        try {
            count = args.has("count") ? Pattern.compile(args.str("count")) : null;
        } catch (PatternSyntaxException e) {
            return ModuleResult.failed("count is not a regular expression: " + e.getDescription());
        }
        if (count != null && count.matcher("").groupCount() != 1) {
            return ModuleResult.failed("count must have exactly one group, the value to count by: " + args.str("count"));
        }
        Path template = context.findFile("templates", args.str("src"));
        if (template == null || !Files.isRegularFile(template)) {
            return ModuleResult.failed("Could not find or access '" + args.str("src") + "'");
        }
        Path script = args.has("script_dest") ? ResultPaths.resolve(context, args.str("script_dest"))
                : Files.createTempFile("cnibench-k6-", ".js");
        Path summary = args.has("summary_dest") ? ResultPaths.resolve(context, args.str("summary_dest"))
                : Files.createTempFile("cnibench-k6-", ".json");
        try {
            ResultPaths.write(script, context.renderTemplateFile(template));
            Files.deleteIfExists(summary);
            List<String> argv = command(args, script, summary);
            CommandResult result;
            long seconds = durationSeconds(args);
            try (ProgressTicker ignored = new ProgressTicker(context, "k6 " + args.str("src") + ":", seconds)) {
                result = context.connection().exec(CommandRequest.of(argv).withTimeout(timeout(args, seconds)));
            }
            return measured(context, args, argv, result, summary, count);
        } finally {
            if (!args.has("script_dest")) {
                Files.deleteIfExists(script);
            }
            if (!args.has("summary_dest")) {
                Files.deleteIfExists(summary);
            }
        }
    }

    private static List<String> command(Arguments args, Path script, Path summary) {
        List<String> argv = new ArrayList<>(List.of(args.str("executable"), "run", "--summary-export", summary.toString()));
        if (args.has("vus")) {
            argv.addAll(List.of("--vus", String.valueOf(args.integer("vus"))));
        }
        if (args.has("duration")) {
            argv.addAll(List.of("--duration", args.str("duration")));
        }
        if (args.has("iterations")) {
            argv.addAll(List.of("--iterations", String.valueOf(args.integer("iterations"))));
        }
        args.map("env").forEach((name, value) -> argv.addAll(List.of("-e", name + "=" + value)));
        argv.addAll(args.strings("extra_args"));
        argv.add(script.toString());
        return argv;
    }

    private ModuleResult measured(ModuleContext context, Arguments args, List<String> argv, CommandResult result,
                                  Path summary, Pattern count) throws IOException {
        String console = result.stdout() + (result.stdout().endsWith("\n") || result.stdout().isEmpty() ? "" : "\n")
                + result.stderr();
        if (args.has("log_dest")) {
            ResultPaths.write(ResultPaths.resolve(context, args.str("log_dest")), console);
        }
        if (!Files.isRegularFile(summary)) {
            return ModuleResult.failed(ToolOutput.firstLine(result.stderr(), result.stdout(),
                    "k6 exited with rc " + result.rc() + " and wrote no summary")).put("cmd", argv).put("rc", result.rc())
                    .put("stderr", result.stderr());
        }
        ModuleResult out = ModuleResult.ok().setChanged(true).put("cmd", argv).put("rc", result.rc());
        try {
            K6Summary.parse(Files.readString(summary, StandardCharsets.UTF_8)).fields().forEach(out::put);
        } catch (IOException e) {
            return ModuleResult.failed("k6 summary " + summary + ": " + e.getMessage()).put("cmd", argv).put("rc", result.rc());
        }
        if (count != null) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            args.strings("labels").forEach(label -> counts.put(label, 0));
            counts(console, count).forEach((value, n) -> counts.merge(value, n, Integer::sum));
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            Map<String, Object> shares = new LinkedHashMap<>();
            Map<String, Object> intervals = new LinkedHashMap<>();
            counts.forEach((value, n) -> {
                shares.put(value, total == 0 ? 0.0 : Math.round(n * 10000.0 / total) / 10000.0);
                WilsonInterval ci = WilsonInterval.of95(n, total);
                if (ci != null) {
                    intervals.put(value, Map.of("ci95_low", round4(ci.low()), "ci95_high", round4(ci.high())));
                }
            });
            out.put("counts", counts).put("shares", shares).put("intervals", intervals);
        }
        if (args.has("summary_dest")) {
            out.put("summary_dest", summary.toString());
        }
        if (args.has("log_dest")) {
            out.put("log_dest", ResultPaths.resolve(context, args.str("log_dest")).toString());
        }
        if (result.rc() == THRESHOLDS_CROSSED) {
            out.setFailed(true).msg("k6: a threshold of the script was crossed (rc 99)");
        } else if (result.rc() != 0) {
            out.setFailed(true).msg(ToolOutput.firstLine(result.stderr(), "", "k6 exited with rc " + result.rc()));
        }
        return out;
    }

    private static double round4(double value) {
        return Math.round(value * 10000.0) / 10000.0;
    }

    /** How often each captured value appears, in the order first seen. */
    private static Map<String, Integer> counts(String console, Pattern count) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String line : console.split("\n")) {
            Matcher m = count.matcher(line);
            if (m.find() && m.group(1) != null) {
                counts.merge(m.group(1), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Seconds of a plain duration (30 or 30s); 0 when k6's richer forms (1m30s) or the script decide. */
    private static long durationSeconds(Arguments args) {
        if (!args.has("duration")) {
            return 0;
        }
        Matcher m = SECONDS.matcher(args.str("duration").strip());
        return m.matches() ? Long.parseLong(m.group(1)) : 0;
    }

    private static Duration timeout(Arguments args, long seconds) {
        if (args.has("timeout")) {
            return Duration.ofSeconds(args.integer("timeout"));
        }
        return Duration.ofSeconds(seconds > 0 ? seconds + 120 : 3600);
    }
}
