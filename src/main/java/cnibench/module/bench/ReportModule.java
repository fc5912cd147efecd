package cnibench.module.bench;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import cnibench.report.IngressReport;
import cnibench.report.ReportBuilder;
import cnibench.report.Summarizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a run directory's report.html (optionally compared with other runs) and the tidy CSV it derives: summary.csv or transitions.csv. */
public final class ReportModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = ModuleSpec.builder("report")
            .own()
            .description("Writes a run directory's report.html with charts: for egress (iperf.csv) also summary.csv, for ingress "
                    + "(stages.csv) also transitions.csv, and the stages whose configured canary share lies outside the observed "
                    + "95% interval as outside_interval and warnings.")
            .arg(ArgSpec.of("run_dir", ArgType.PATH, "The run directory, results/<playbook>/<timestamp>.").asRequired())
            .arg(ArgSpec.of("title", ArgType.STR, "The report's title (default: from the playbook names)."))
            .arg(ArgSpec.of("baseline", ArgType.STR, "The path the gateway overhead is measured against (default: direct)."))
            .arg(ArgSpec.of("output", ArgType.PATH, "The HTML file (default: <run_dir>/report.html)."))
            .arg(ArgSpec.of("canary_label", ArgType.STR, "Ingress runs: the backend label of the canary (default: canary)."))
            .arg(ArgSpec.of("compare_with", ArgType.LIST, "Other run directories shown side by side.").elements(ArgType.PATH))
            .examples("""
                    - name: Write the report
                      report:
                        run_dir: "{{ run_dir }}"
                        baseline: direct

                    - name: Write the ingress report (stages whose split is off its interval come back as warnings)
                      cnibench.bench.report:
                        run_dir: "{{ cnibench_run_dir }}"
                        canary_label: canary
                    """)
            .build();

    public ReportModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext context, Arguments args) throws Exception {
        Path runDir = ResultPaths.resolve(context, args.str("run_dir"));
        if (!Files.isDirectory(runDir)) {
            return ModuleResult.failed("run_dir " + runDir + " is not a directory");
        }
        List<Path> runs = new ArrayList<>(List.of(runDir));
        args.strings("compare_with").forEach(dir -> runs.add(ResultPaths.resolve(context, dir)));
        Path output = args.has("output") ? ResultPaths.resolve(context, args.str("output")) : runDir.resolve("report.html");
        ModuleResult out = ModuleResult.changed(true);
        if (ReportBuilder.ingress(runs)) {
            IngressReport.Result result = IngressReport.build(runs, output, args.str("title"), args.str("canary_label"));
            out.put("transitions", result.transitions().stream().map(Path::toString).toList());
            out.put("outside_interval", result.outsideInterval());
            if (!result.outsideInterval().isEmpty()) {
                // shown, not failed: how far the data plane's split is off is the measurement
                out.put("warnings", result.outsideInterval().stream()
                        .map(s -> "canary split outside its 95% interval: " + s).toList());
            }
            return out.put("path", result.html().toString());
        }
        if (Files.isRegularFile(runDir.resolve(Summarizer.IPERF_CSV))) {
            out.put("summary", Summarizer.writeSummary(runDir, args.str("baseline")).toString());
        }
        return out.put("path", ReportBuilder.build(runs, output, args.str("title"), args.str("baseline")).toString());
    }
}
