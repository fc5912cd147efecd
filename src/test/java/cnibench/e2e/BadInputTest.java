package cnibench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input is rejected before anything runs: exit code 4, an "ERROR!" naming the file and the
 * line of the offending item, and the marker file that each fixture's first task would create is
 * absent. Errors that can only show while running fail the host instead (exit code 2).
 */
class BadInputTest {
    static final Path DIR = Playbooks.RESOURCES.resolve("invalid");

    /** fixture, file the error must name, lines it may point at, text the message must contain, extra args. */
    record Rejection(String fixture, String namedFile, Set<Integer> lines, String message, List<String> args) {
        @Override
        public String toString() {
            return fixture;
        }
    }

    static Stream<Rejection> rejections() {
        return Stream.of(
                reject("yaml_syntax.yml", Set.of(8, 10), "Syntax Error while loading YAML"),
                reject("not_a_list.yml", Set.of(1), "A playbook must be a list of plays"),
                reject("unknown_play_keyword.yml", Set.of(7, 9), "'colour' is not a valid attribute for a Play"),
                reject("misspelt_module.yml", Set.of(6, 7), "couldn't resolve module/action 'debgu'"),
                reject("misspelt_keyword.yml", Set.of(6, 9), "conflicting action statements: debug, whenn"),
                reject("no_module.yml", Set.of(6), "no module/action detected in task"),
                reject("two_modules.yml", Set.of(6, 7, 9), "conflicting action statements: debug, command"),
                reject("unknown_argument.yml", Set.of(6, 9), "colour"),
                reject("wrong_type.yml", Set.of(6, 8), "timeout"),
                reject("wrong_keyword_type.yml", Set.of(8), "the field 'retries' has an invalid value (abc), and could not be"
                        + " converted to an int"),
                reject("bad_choice.yml", Set.of(6, 9), "bogus"),
                reject("missing_role.yml", Set.of(10), "the role 'no_such_role' was not found"),
                reject("missing_import_tasks.yml", Set.of(6, 7), "no_such_tasks.yml"),
                reject("missing_vars_files.yml", Set.of(9, 10), "no_such_vars.yml"),
                reject("jinja_unclosed_expression.yml", Set.of(6, 8), "{{ foo }"),
                reject("jinja_unclosed_block.yml", Set.of(6, 8), "{% if x %}"),
                new Rejection("bad_inventory.yml", "bad_inventory.ini", Set.of(4), "bad_inventory.ini",
                        List.of("-i", DIR.resolve("bad_inventory.ini").toString())));
    }

    private static Rejection reject(String fixture, Set<Integer> lines, String message) {
        return new Rejection(fixture, fixture, lines, message, List.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void rejectedBeforeAnyTaskRuns(Rejection r, @TempDir Path tmp) throws IOException {
        ProcessOutcome outcome = runFixture(r.fixture(), r.args(), tmp);
        String all = outcome.all();
        assertEquals(4, outcome.exitCode(), "exit code\n" + all);
        assertTrue(all.contains("ERROR!"), "no ERROR!\n" + all);
        assertTrue(all.contains(r.message()), "message lacks '" + r.message() + "'\n" + all);
        assertTrue(all.contains(DIR.resolve(r.namedFile()).toString()), "message lacks the file " + r.namedFile() + "\n" + all);
        assertTrue(namesOneOf(all, r.lines()), "message names none of the lines " + r.lines() + "\n" + all);
        assertFalse(Files.exists(tmp.resolve("work/marker")), "a task ran before the error was reported\n" + all);
    }

    @Test
    void misspeltModuleSuggestsTheRightOne(@TempDir Path tmp) throws IOException {
        ProcessOutcome outcome = runFixture("misspelt_module.yml", List.of(), tmp);
        assertTrue(outcome.all().contains("Did you mean 'debug'?"), outcome.all());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runtimeFailures")
    void runtimeFailureFailsTheHost(String fixture, String message, @TempDir Path tmp) throws IOException {
        ProcessOutcome outcome = runFixture(fixture, List.of(), tmp);
        String all = outcome.all();
        assertEquals(2, outcome.exitCode(), "exit code\n" + all);
        assertTrue(all.contains(message), "message lacks '" + message + "'\n" + all);
        assertTrue(Files.exists(tmp.resolve("work/marker")), "the first task should have run\n" + all);
        assertTrue(all.contains("failed=1"), "recap should count the failure\n" + all);
    }

    static Stream<Arguments> runtimeFailures() {
        return Stream.of(
                Arguments.of("undefined_variable.yml", "'nope' is undefined"),
                Arguments.of("undefined_variable.yml", "TASK [uses an undefined variable]"),
                Arguments.of("failing_command.yml", "non-zero return code"),
                Arguments.of("templated_keyword_type.yml", "the field 'retries' has an invalid value ({{ attempts }}), and could not"
                        + " be converted to an int.The error was: invalid literal for int() with base 10: 'abc'"));
    }

    private static ProcessOutcome runFixture(String fixture, List<String> extraArgs, Path tmp) throws IOException {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path results = Files.createDirectories(tmp.resolve("results"));
        List<String> args = new ArrayList<>(extraArgs);
        args.addAll(List.of("-e", "work_dir=" + work));
        return Playbooks.cnibench(DIR.resolve(fixture), args, results);
    }

    private static boolean namesOneOf(String text, Set<Integer> lines) {
        Matcher m = Pattern.compile("\\bline (\\d+)").matcher(text);
        while (m.find()) {
            if (lines.contains(Integer.parseInt(m.group(1)))) {
                return true;
            }
        }
        return false;
    }
}
