package cnibench.module.bench;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import cnibench.report.CsvFiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Runs a PromQL query (instant or range) and returns its series, flat rows, and optionally a CSV file. */
public final class PrometheusQueryModule extends FixedSpecModule {
    private static final long POLL_MILLIS = 100;
    private static final ModuleSpec SPEC = ModuleSpec.builder("prometheus_query")
            .own()
            .description("Queries Prometheus's HTTP API; range queries give one row per sample for CSV files.")
            .arg(ArgSpec.of("url", ArgType.STR, "Prometheus base URL, e.g. http://127.0.0.1:9090.").asRequired())
            .arg(ArgSpec.of("query", ArgType.STR, "The PromQL expression.").asRequired())
            .arg(ArgSpec.of("type", ArgType.STR, "Instant or range query.").choices("instant", "range").defaultValue("instant"))
            .arg(ArgSpec.of("start", ArgType.RAW, "Range start: epoch seconds or RFC 3339."))
            .arg(ArgSpec.of("end", ArgType.RAW, "Range end: epoch seconds or RFC 3339."))
            .arg(ArgSpec.of("step", ArgType.RAW, "Range resolution: seconds or a duration such as 15s."))
            .arg(ArgSpec.of("time", ArgType.RAW, "Evaluation time of an instant query (default: now)."))
            .arg(ArgSpec.of("timeout", ArgType.INT, "Seconds to wait for Prometheus.").defaultValue(30))
            .arg(ArgSpec.of("until_at_least", ArgType.FLOAT,
                    "Repeat the instant query every 0.1 s until its first value is at least this (no series counts as 0)."))
            .arg(ArgSpec.of("wait_timeout", ArgType.FLOAT, "Seconds until_at_least may wait before the task fails.").defaultValue(30))
            .arg(ArgSpec.of("csv_dest", ArgType.PATH, "File to write the rows to, with a header."))
            .arg(ArgSpec.of("csv_columns", ArgType.LIST, "Columns of csv_dest (default: timestamp, value, the labels sorted).")
                    .elements(ArgType.STR))
            .arg(ArgSpec.of("csv_extra", ArgType.DICT, "Columns with a fixed value added to every row, e.g. {metric: cpu_seconds_rate}."))
            .arg(ArgSpec.of("csv_append", ArgType.BOOL, "Add the rows to csv_dest instead of replacing it.").defaultValue(false))
            .checkMode()
            .examples("""
                    - name: CPU of every node during the run
                      prometheus_query:
                        url: http://127.0.0.1:9090
                        query: sum by (instance, mode) (rate(node_cpu_seconds_total[30s]))
                        type: range
                        start: "{{ run_start }}"
                        end: "{{ run_end }}"
                        step: 5s
                        csv_dest: "{{ run_dir }}/metrics.csv"
                        csv_columns: [timestamp, node, metric, mode, value]
                        csv_extra: {metric: cpu_seconds_rate}
                        csv_append: true
                    """)
            .build();

    public PrometheusQueryModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext context, Arguments args) throws Exception {
        boolean range = args.str("type").equals("range");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("query", args.str("query"));
        if (range) {
            List<String> missing = List.of("start", "end", "step").stream().filter(n -> !args.has(n)).toList();
            if (!missing.isEmpty()) {
                return ModuleResult.failed("type is range but all of the following are missing: " + String.join(", ", missing));
            }
            for (String name : List.of("start", "end", "step")) {
                params.put(name, text(args.raw(name)));
            }
        } else if (args.has("time")) {
            params.put("time", text(args.raw("time")));
        }
        if (range && args.has("until_at_least")) {
            return ModuleResult.failed("until_at_least waits on an instant query, not on type=range");
        }
        PrometheusClient client = new PrometheusClient(Duration.ofSeconds(args.integer("timeout")));
        String endpoint = range ? "/api/v1/query_range" : "/api/v1/query";
        PrometheusClient.Answer answer;
        try {
            if (args.has("until_at_least")) {
                return waitUntil(client, args, params);
            }
            answer = client.query(args.str("url"), endpoint, params);
        } catch (PrometheusClient.QueryException e) {
            return ModuleResult.failed("Prometheus query failed (" + e.errorType() + "): " + e.getMessage())
                    .put("error_type", e.errorType()).put("error", e.getMessage());
        } catch (ConnectException e) {
            return ModuleResult.failed("could not connect to Prometheus at " + args.str("url") + ": connection refused");
        } catch (PrometheusClient.NotReadyException e) {
            return ModuleResult.failed(e.getMessage());
        } catch (HttpTimeoutException e) {
            return ModuleResult.failed("Prometheus at " + args.str("url") + " did not answer within " + args.integer("timeout") + "s");
        }
        PrometheusResult result = answer.result();
        ModuleResult out = ModuleResult.ok().put("result_type", result.resultType()).put("series", result.seriesMaps())
                .put("rows", result.rows());
        if (!answer.warnings().isEmpty()) {
            out.put("warnings", answer.warnings());
        }
        if (args.has("csv_dest")) {
            Path dest = ResultPaths.resolve(context, args.str("csv_dest"));
            if (!context.checkMode()) {
                writeCsv(dest, result, args);
            }
            out.setChanged(true).put("csv_dest", dest.toString());
        }
        return out;
    }

    /** Polls rather than relying on until/delay: Ansible's delay is whole seconds, too coarse to wait for a 1 s scrape. */
    private static ModuleResult waitUntil(PrometheusClient client, Arguments args, Map<String, String> params)
            throws PrometheusClient.QueryException, IOException, InterruptedException {
        double wanted = args.number("until_at_least");
        long started = System.nanoTime();
        long deadline = started + (long) (args.number("wait_timeout") * 1e9);
        int attempts = 0;
        while (true) {
            attempts++;
            double value;
            try {
                value = firstValue(client.query(args.str("url"), "/api/v1/query", params).result());
            } catch (ConnectException | PrometheusClient.NotReadyException e) {
                value = Double.NaN; // still starting
            }
            double waited = (System.nanoTime() - started) / 1e9;
            if (value >= wanted) {
                return ModuleResult.ok().put("value", value).put("attempts", attempts)
                        .put("waited_seconds", Math.round(waited * 1000) / 1000.0);
            }
            if (System.nanoTime() >= deadline) {
                String timeout = text(args.number("wait_timeout")) + "s";
                return ModuleResult.failed(Double.isNaN(value)
                        ? "Prometheus at " + args.str("url") + " did not accept connections or was not ready for " + timeout
                        : "Prometheus: " + args.str("query") + " stayed below " + text(wanted) + " (at " + text(value) + ") for " + timeout)
                        .put("attempts", attempts);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static double firstValue(PrometheusResult result) {
        return result.rows().stream().map(row -> row.get("value")).filter(v -> v instanceof Number)
                .mapToDouble(v -> ((Number) v).doubleValue()).findFirst().orElse(0);
    }

    private static void writeCsv(Path dest, PrometheusResult result, Arguments args) throws IOException {
        Map<String, Object> extra = args.map("csv_extra");
        List<Map<String, Object>> rows = result.rows().stream().map(row -> {
            Map<String, Object> out = new LinkedHashMap<>(row);
            out.putAll(extra);
            return out;
        }).toList();
        List<String> columns = new ArrayList<>(args.strings("csv_columns"));
        if (columns.isEmpty()) {
            columns.addAll(result.columns());
            new TreeSet<>(extra.keySet()).stream().filter(c -> !columns.contains(c)).forEach(columns::add);
        }
        if (args.bool("csv_append")) {
            CsvFiles.append(dest, columns, rows);
        } else {
            CsvFiles.write(dest, columns, rows);
        }
    }

    /** Numbers in plain notation (a YAML 1.7e9 must not reach Prometheus as "1.7E9"); text as it is. */
    private static String text(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }
}
