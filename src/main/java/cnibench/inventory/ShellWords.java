package cnibench.inventory;

import java.util.ArrayList;
import java.util.List;

/** Python's shlex.split(line, comments=True) in POSIX mode, keeping the column each word starts at. */
final class ShellWords {

    /** A word and its 0-based start offset in the line. */
    record Word(String text, int start) {
    }

    private ShellWords() {
    }

    /** Throws IllegalArgumentException with shlex's message for an unclosed quote or a dangling escape. */
    static List<Word> split(String line) {
        List<Word> words = new ArrayList<>();
        StringBuilder token = null;
        int start = 0;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (token != null) {
                    words.add(new Word(token.toString(), start));
                    token = null;
                }
                i++;
                continue;
            }
            if (c == '#') {
                break;
            }
            if (token == null) {
                token = new StringBuilder();
                start = i;
            }
            if (c == '\'' || c == '"') {
                int close = c == '\'' ? line.indexOf('\'', i + 1) : closingDoubleQuote(line, i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("No closing quotation");
                }
                String inner = line.substring(i + 1, close);
                token.append(c == '"' ? inner.replaceAll("\\\\([\"\\\\])", "$1") : inner);
                i = close + 1;
            } else if (c == '\\') {
                if (i + 1 >= line.length()) {
                    throw new IllegalArgumentException("No escaped character");
                }
                token.append(line.charAt(i + 1));
                i += 2;
            } else {
                token.append(c);
                i++;
            }
        }
        if (token != null) {
            words.add(new Word(token.toString(), start));
        }
        return words;
    }

    private static int closingDoubleQuote(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }
}
