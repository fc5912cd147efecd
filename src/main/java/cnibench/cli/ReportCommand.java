package cnibench.cli;

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
        description = "Build report.html from one or more results/<playbook>/<run> directories.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RUN_DIR")
    List<Path> runs;
    @Option(names = {"-o", "--output"}, description = "where to write the HTML (default: report.html in the run, or comparison.html beside the first run for several)")
    Path output;
    @Option(names = "--title")
    String title;
    @Option(names = "--baseline", description = "the data path the overhead is measured against (default: direct)")
    String baseline;

    @Override
    public Integer call() {
        Path target = output != null ? output
                : runs.size() == 1 ? runs.get(0).resolve("report.html") : runs.get(0).getParent().resolve("comparison.html");
        try {
            Path written = ReportBuilder.build(runs, target, title, baseline);
            System.out.println("report: " + written.toAbsolutePath());
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("ERROR! " + e.getMessage());
            return 1;
        }
    }
}
