package cnibench.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Splits and quotes command lines as Python's shlex.split (POSIX mode) and shlex.quote do. */
public final class ShellWords {
    private static final Pattern SAFE = Pattern.compile("[\\w@%+=:,./-]+", Pattern.UNICODE_CHARACTER_CLASS);

    private ShellWords() {
    }

    /** The words of a command line; quotes and backslashes are removed as a POSIX shell would. */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '\'') {
                int close = line.indexOf('\'', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("No closing quotation");
                }
                word.append(line, i + 1, close);
                inWord = true;
                i = close + 1;
            } else if (c == '"') {
                i = readDoubleQuoted(line, i + 1, word);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= line.length()) {
                    throw new IllegalArgumentException("No escaped character");
                }
                word.append(line.charAt(i + 1));
                inWord = true;
                i += 2;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Reads up to the closing double quote; returns the index after it. */
    private static int readDoubleQuoted(String line, int start, StringBuilder word) {
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length() && "\\\"$`\n".indexOf(line.charAt(i + 1)) >= 0) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("No closing quotation");
    }

    /** A word quoted so that a shell reads it back unchanged. */
    public static String quote(String word) {
        if (word.isEmpty()) {
            return "''";
        }
        if (SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }

    /** Words joined into one command line, each quoted as needed. */
    public static String join(List<String> words) {
        return String.join(" ", words.stream().map(ShellWords::quote).toList());
    }
}
