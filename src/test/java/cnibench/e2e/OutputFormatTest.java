package cnibench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * cnibench prints what ansible-playbook prints: the same stdout line by line, once timestamps,
 * durations, temporary paths and rendered templates' temporary copies are normalised.
 */
class OutputFormatTest {
    static final Path DIR = Playbooks.RESOURCES.resolve("conformance/output");
    private static final Pattern TIMES = Pattern.compile("\"(delta|start|end)\": \"[^\"]*\"");
    /** A rendered template's diff header names a temporary copy; only the template's name is stable. */
    private static final Pattern RENDERED_TEMPLATE = Pattern.compile("^\\+\\+\\+ after: \\S*/([^/\\s]+\\.j2)$", Pattern.MULTILINE);
    /** Which config file is in force differs by design: cnibench reads the project's runner.cfg. */
    private static final Pattern CONFIG_LINE = Pattern.compile(
            "^(No config file found; using defaults|Using .* as config file)$", Pattern.MULTILINE);
    private static final Pattern LOCALHOST_WARNING = Pattern.compile(
            "^\\[WARNING\\]: (No inventory was parsed|provided hosts list is empty).*$", Pattern.MULTILINE);

    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of("statuses.yml", List.of()),
                Arguments.of("statuses.yml", List.of("-v")),
                Arguments.of("loops.yml", List.of()),
                Arguments.of("loops.yml", List.of("-v")),
                Arguments.of("handlers_includes.yml", List.of()),
                Arguments.of("retries.yml", List.of()),
                Arguments.of("failure.yml", List.of()),
                Arguments.of("misc.yml", List.of()),
                Arguments.of("misc.yml", List.of("-v")),
                Arguments.of("undefined.yml", List.of()),
                Arguments.of("diff.yml", List.of("--diff")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void stdoutMatchesAnsible(String playbook, List<String> args, @TempDir Path tmp) {
        assumeTrue(Playbooks.ansibleAvailable(), "ansible-playbook is not on PATH");
        // Both run at once, each in its own work dir, to keep the suite's wall time down.
        CompletableFuture<ProcessOutcome> oracle = CompletableFuture.supplyAsync(() -> run(playbook, args, tmp.resolve("ansible"), true));
        ProcessOutcome actual = run(playbook, args, tmp.resolve("cnibench"), false);
        ProcessOutcome expected = oracle.join();
        assertEquals(expected.exitCode(), actual.exitCode(), "exit code\n" + actual.all());
        String want = normalise(expected.stdout(), tmp.resolve("ansible"));
        String got = normalise(actual.stdout(), tmp.resolve("cnibench"));
        assertEquals(want, got, firstDifference(want, got));
    }

    /** Points at the first line that differs, so a long output need not be compared by eye. */
    static String firstDifference(String want, String got) {
        List<String> a = want.lines().toList();
        List<String> b = got.lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "<end of output>";
            String y = i < b.size() ? b.get(i) : "<end of output>";
            if (!x.equals(y)) {
                return "first difference at line " + (i + 1) + "\n ansible:  " + x + "\n cnibench: " + y;
            }
        }
        return "outputs differ";
    }

    private static ProcessOutcome run(String playbook, List<String> args, Path base, boolean ansible) {
        return Playbooks.inWorkDir(DIR.resolve(playbook), args, base, ansible);
    }

    /** Drops what legitimately differs between two runs: times, the temp dir, the implicit-localhost warning. */
    static String normalise(String stdout, Path base) {
        String text = TIMES.matcher(stdout).replaceAll("\"$1\": \"<time>\"");
        text = LOCALHOST_WARNING.matcher(text).replaceAll("");
        text = CONFIG_LINE.matcher(text).replaceAll("CONFIG");
        text = RENDERED_TEMPLATE.matcher(text).replaceAll("+++ after: <rendered>/$1");
        text = text.replace(base.toString(), "<tmp>").replace(DIR.toString(), "<dir>");
        return text.lines().map(String::stripTrailing).collect(Collectors.joining("\n")).strip();
    }
}
