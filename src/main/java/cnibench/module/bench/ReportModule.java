package cnibench.module.bench;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.Module;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import cnibench.report.ReportBuilder;
import cnibench.report.Summarizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a run directory's summary.csv and its report.html (optionally compared with other runs). */
public final class ReportModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.builder("report")
            .alias("cnibench.bench.report")
            .description("Summarizes a run directory's iperf.csv and metrics.csv into summary.csv and writes report.html with charts.")
            .arg(ArgSpec.of("run_dir", ArgType.PATH, "The run directory, results/<playbook>/<timestamp>.").asRequired())
            .arg(ArgSpec.of("title", ArgType.STR, "The report's title (default: from the playbook names)."))
            .arg(ArgSpec.of("baseline", ArgType.STR, "The path the gateway overhead is measured against (default: direct)."))
            .arg(ArgSpec.of("output", ArgType.PATH, "The HTML file (default: <run_dir>/report.html)."))
            .arg(ArgSpec.of("compare_with", ArgType.LIST, "Other run directories shown side by side.").elements(ArgType.PATH))
            .examples("""
                    - name: Write the report
                      report:
                        run_dir: "{{ run_dir }}"
                        baseline: direct
                    """)
            .build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext context, Arguments args) throws Exception {
        Path runDir = ResultPaths.resolve(context, args.str("run_dir"));
        if (!Files.isDirectory(runDir)) {
            return ModuleResult.failed("run_dir " + runDir + " is not a directory");
        }
        ModuleResult out = ModuleResult.changed(true);
        if (Files.isRegularFile(runDir.resolve(Summarizer.IPERF_CSV))) {
            out.put("summary", Summarizer.writeSummary(runDir, args.str("baseline")).toString());
        }
        List<Path> runs = new ArrayList<>(List.of(runDir));
        args.strings("compare_with").forEach(dir -> runs.add(ResultPaths.resolve(context, dir)));
        Path output = args.has("output") ? ResultPaths.resolve(context, args.str("output")) : runDir.resolve("report.html");
        Path written = ReportBuilder.build(runs, output, args.str("title"), args.str("baseline"));
        return out.put("path", written.toString());
    }
}
