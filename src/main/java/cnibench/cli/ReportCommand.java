package cnibench.cli;

import cnibench.report.IngressReport;
import cnibench.report.ReportBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `runner report DIR...`: rebuilds the report of one run, or compares several side by side. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Build report.html from one or more results/<playbook>/<run> directories (egress: iperf.csv; ingress: stages.csv, also writing transitions.csv).")
final class ReportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RUN_DIR")
    List<Path> runs;
    @Option(names = {"-o", "--output"}, description = "where to write the HTML (default: report.html in the run, or comparison.html beside the first run for several)")
    Path output;
    @Option(names = "--title")
    String title;
    @Option(names = "--baseline", description = "the data path the overhead is measured against (default: direct)")
    String baseline;
    @Option(names = "--canary-label", description = "ingress runs: the backend label of the canary (default: canary)")
    String canaryLabel;

    @Override
    public Integer call() {
        Path target = output != null ? output
                : runs.size() == 1 ? runs.get(0).resolve("report.html") : runs.get(0).getParent().resolve("comparison.html");
        try {
            if (!ReportBuilder.ingress(runs)) {
                System.out.println("report: " + ReportBuilder.build(runs, target, title, baseline).toAbsolutePath());
                return 0;
            }
            IngressReport.Result result = IngressReport.build(runs, target, title, canaryLabel);
            result.transitions().forEach(t -> System.out.println("transitions: " + t.toAbsolutePath()));
            // a benchmark result, not an error: the data plane's split is what is being measured
            result.outsideInterval().forEach(s -> System.out.println("outside the interval: " + s));
            System.out.println("report: " + result.html().toAbsolutePath());
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("ERROR! " + e.getMessage());
            return 1;
        }
    }
}
