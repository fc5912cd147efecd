package cnibench.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a task's run-time error was written, told as ansible-playbook tells it under the message: the
 * position, the line and the one before it with a caret, and the hint Ansible adds when the line looks
 * like a common YAML mistake. The hints are Ansible's words, so that the output matches its output.
 */
public final class ErrorContext {
    private static final Pattern KEY_VALUE = Pattern.compile("\\w+(\\s+)?=(\\s+)?[\\w/-]+");

    private static final String UNQUOTED_VARIABLE = """
            We could be wrong, but this one looks like it might be an issue with
            missing quotes. Always quote template expression brackets when they
            start a value. For instance:

                with_items:
                  - {{ foo }}

            Should be written as:

                with_items:
                  - "{{ foo }}"
            """;
    private static final String DICT = """
            This one looks easy to fix. YAML thought it was looking for the start of a
            hash/dictionary and was confused to see a second "{". Most likely this was
            meant to be an ansible template evaluation instead, so we have to give the
            parser a small hint that we wanted a string instead. The solution here is to
            just quote the entire value.

            For instance, if the original line was:

                app_path: {{ base_path }}/foo

            It should be written as:

                app_path: "{{ base_path }}/foo"
            """;
    private static final String UNQUOTED_COLON = """
            This one looks easy to fix. There seems to be an extra unquoted colon in the line
            and this is confusing the parser. It was only expecting to find one free
            colon. The solution is just add some quotes around the colon, or quote the
            entire line after the first colon.

            For instance, if the original line was:

                copy: src=file.txt dest=/path/filename:with_colon.txt

            It can be written as:

                copy: src=file.txt dest='/path/filename:with_colon.txt'

            Or:

                copy: 'src=file.txt dest=/path/filename:with_colon.txt'
            """;
    private static final String PARTIALLY_QUOTED = """
            This one looks easy to fix. It seems that there is a value started
            with a quote, and the YAML parser is expecting to see the line ended
            with the same kind of quote. For instance:

                when: "ok" in result.stdout

            Could be written as:

               when: '"ok" in result.stdout'

            Or equivalently:

               when: "'ok' in result.stdout"
            """;
    private static final String UNBALANCED_QUOTES = """
            We could be wrong, but this one looks like it might be an issue with
            unbalanced quotes. If starting a value with a quote, make sure the
            line ends with the same set of quotes. For instance this arbitrary
            example:

                foo: "bad" "wolf"

            Could be written as:

                foo: '"bad" "wolf"'
            """;
    private static final String LEADING_TAB = """
            There appears to be a tab character at the start of the line.

            YAML does not use tabs for formatting. Tabs should be replaced with spaces.

            For example:
                - name: update tooling
                  vars:
                    version: 1.2.3
            #    ^--- there is a tab there.

            Should be written as:
                - name: update tooling
                  vars:
                    version: 1.2.3
            # ^--- all spaces here.
            """;
    private static final String KEY_VALUE_AND_YAML =
            "There appears to be both 'k=v' shorthand syntax and YAML in this task. Only one syntax may be used.\n";

    private ErrorContext() {
    }

    /** The text Ansible puts after a blank line below the message; empty when the position is unknown. */
    public static String of(Position position) {
        if (!position.known()) {
            return "";
        }
        String text = location(position.file(), position.line(), position.column());
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(position.file()));
        } catch (IOException | RuntimeException e) {
            return text + "\n(could not open file to display line)";
        }
        int index = position.line() - 1;
        if (index < 0 || index >= lines.size()) {
            return text + "\n(specified line no longer in file, maybe it changed?)";
        }
        String target = lines.get(index) + "\n";
        String previous = index > 0 ? lines.get(index - 1) + "\n" : "";
        StringBuilder out = new StringBuilder();
        if (KEY_VALUE.matcher(previous).find()) {
            // Ansible's own rule: k=v on the line before moves the report to that line's '='
            int at = previous.stripTrailing().indexOf('=');
            out.append(location(position.file(), position.line() - 1, at + 1))
                    .append("\nThe offending line appears to be:\n\n").append(previous.stripTrailing()).append('\n')
                    .append(" ".repeat(Math.max(0, at))).append("^ here\n\n").append(KEY_VALUE_AND_YAML);
        } else {
            out.append(text).append("\nThe offending line appears to be:\n\n").append(previous.stripTrailing()).append('\n')
                    .append(target.stripTrailing()).append('\n')
                    .append(" ".repeat(Math.max(0, position.column() - 1))).append("^ here\n");
        }
        if (target.contains("\t")) {
            out.append(LEADING_TAB);
        }
        out.append(hint(target, position.column()));
        return out.toString();
    }

    /** Ansible's two lines naming where an error was written. */
    static String location(String file, int line, int column) {
        return "The error appears to be in '" + file + "': line " + line + ", column " + column + ", but may\n"
                + "be elsewhere in the file depending on the exact syntax problem.\n";
    }

    /** The first of Ansible's common-mistake hints whose test the line meets. */
    private static String hint(String target, int column) {
        if (target.contains("{{") && target.contains("}}") && (!target.contains("\"{{") || !target.contains("'{{"))) {
            return UNQUOTED_VARIABLE;
        }
        String squeezed = target.replace(" ", "");
        if (squeezed.contains(":{{") && squeezed.contains("}}")) {
            return DICT;
        }
        if (target.length() > column && target.charAt(column) == ':' && target.chars().filter(c -> c == ':').count() > 1) {
            return UNQUOTED_COLON;
        }
        String[] parts = target.split(":", -1);
        if (parts.length < 2) {
            return "";
        }
        String middle = parts[1].strip();
        boolean partlyQuoted = middle.startsWith("'") && !middle.endsWith("'") || middle.startsWith("\"") && !middle.endsWith("\"");
        boolean unbalanced = !middle.isEmpty() && "\"'".indexOf(middle.charAt(0)) >= 0 && "\"'".indexOf(middle.charAt(middle.length() - 1)) >= 0
                && count(target, '\'') > 2 || count(target, '"') > 2;
        return (partlyQuoted ? PARTIALLY_QUOTED : "") + (unbalanced ? UNBALANCED_QUOTES : "");
    }

    private static long count(String text, char c) {
        return text.chars().filter(x -> x == c).count();
    }
}
