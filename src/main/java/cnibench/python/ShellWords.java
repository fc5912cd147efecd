package cnibench.python;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Python's shlex.split (POSIX mode), shlex.quote and shlex.join. */
public final class ShellWords {
    private static final Pattern SAFE = Pattern.compile("[\\w@%+=:,./-]+");
    private static final String WHITESPACE = " \t\r\n";

    /** A word and its 0-based start offset in the line. */
    public record Word(String text, int start) {
    }

    private ShellWords() {
    }

    /** shlex.split(line): quotes and backslashes removed; ValueError's message for an unclosed quote or a dangling escape. */
    public static List<String> split(String line) {
        return words(line, false).stream().map(Word::text).toList();
    }

    /** shlex.split(line, comments=True), keeping the column each word starts at (for error positions). */
    public static List<Word> splitWithComments(String line) {
        return words(line, true);
    }

    private static List<Word> words(String line, boolean comments) {
        List<Word> words = new ArrayList<>();
        StringBuilder word = null;
        int start = 0;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (WHITESPACE.indexOf(c) >= 0) {
                if (word != null) {
                    words.add(new Word(word.toString(), start));
                    word = null;
                }
                i++;
                continue;
            }
            if (comments && c == '#') {
                break;
            }
            if (word == null) {
                word = new StringBuilder();
                start = i;
            }
            if (c == '\'') {
                int close = line.indexOf('\'', i + 1);
                if (close < 0) {
                    throw new PythonError("No closing quotation");
                }
                word.append(line, i + 1, close);
                i = close + 1;
            } else if (c == '"') {
                i = readDoubleQuoted(line, i + 1, word);
            } else if (c == '\\') {
                if (i + 1 >= line.length()) {
                    throw new PythonError("No escaped character");
                }
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        if (word != null) {
            words.add(new Word(word.toString(), start));
        }
        return words;
    }

    /** Reads up to the closing double quote; returns the index after it. Inside, a backslash escapes only \ and ". */
    private static int readDoubleQuoted(String line, int start, StringBuilder word) {
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '\\' || line.charAt(i + 1) == '"')) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw new PythonError("No closing quotation");
    }

    /** shlex.quote: a word quoted so that a shell reads it back unchanged. */
    public static String quote(String word) {
        if (word.isEmpty()) {
            return "''";
        }
        if (SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }

    /** shlex.join: words joined into one command line, each quoted as needed. */
    public static String join(List<String> words) {
        return String.join(" ", words.stream().map(ShellWords::quote).toList());
    }
}
