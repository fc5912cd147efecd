package cnibench.python;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Python's re on java.util.regex: pattern syntax, Match.expand's replacement templates, and re.escape. */
public final class PyRegex {
    private static final String SPECIAL = "()[]{}?*+-|^$\\.&~# \t\n\r\u000b\f";
    private static final String OCTAL = "01234567";
    /** Python's str patterns: \w and \d are Unicode, and only \n ends a line (for ., ^ and $). */
    private static final int PYTHON_DEFAULTS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES;

    private PyRegex() {
    }

    /** re.compile: (?P<name>...) and (?P=name) in Java's spelling, and \Z (Python's end of text) as Java's \z. */
    public static Pattern compile(String python, int flags) {
        StringBuilder java = new StringBuilder(python.length());
        for (int i = 0; i < python.length(); i++) {
            char c = python.charAt(i);
            if (c == '\\' && i + 1 < python.length()) {
                char next = python.charAt(++i);
                java.append('\\').append(next == 'Z' ? 'z' : next);
            } else if (python.startsWith("(?P<", i)) {
                java.append("(?<");
                i += 3;
            } else if (python.startsWith("(?P=", i)) {
                int close = python.indexOf(')', i);
                java.append("\\k<").append(python, i + 4, close).append('>');
                i = close;
            } else {
                java.append(c);
            }
        }
        return Pattern.compile(java.toString(), flags | PYTHON_DEFAULTS);
    }

    /** Match.expand: \N, \NN, \g<N> and \g<name> become groups (unmatched ones empty), \0 and \ooo octal characters. */
    public static String expand(Matcher match, String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 == template.length()) {
                throw new PythonError("bad escape (end of pattern) at position " + i);
            }
            char next = template.charAt(i + 1);
            if (next == 'g' && template.startsWith("<", i + 2)) {
                int close = template.indexOf('>', i + 3);
                if (close < 0) {
                    throw new PythonError("missing >, unterminated name at position " + (i + 3));
                }
                out.append(group(match, template.substring(i + 3, close), i + 3));
                i = close + 1;
            } else if (next == '0' || isOctalEscape(template, i + 1)) {
                int end = i + 2;
                while (end < template.length() && end < i + 4 && OCTAL.indexOf(template.charAt(end)) >= 0) {
                    end++;
                }
                int code = Integer.parseInt(template.substring(i + 1, end), 8);
                if (code > 0377) {
                    throw new PythonError("octal escape value \\" + template.substring(i + 1, end) + " outside of range 0-0o377 at position " + i);
                }
                out.append((char) code);
                i = end;
            } else if (Character.isDigit(next)) {
                int end = i + 2 < template.length() && Character.isDigit(template.charAt(i + 2)) ? i + 3 : i + 2;
                out.append(group(match, template.substring(i + 1, end), i + 1));
                i = end;
            } else {
                out.append(escaped(next, i));
                i += 2;
            }
        }
        return out.toString();
    }

    /** \ooo: three octal digits (\1 to \9 followed by fewer are group references). */
    private static boolean isOctalEscape(String template, int at) {
        return at + 2 < template.length() && OCTAL.indexOf(template.charAt(at)) >= 0
                && OCTAL.indexOf(template.charAt(at + 1)) >= 0 && OCTAL.indexOf(template.charAt(at + 2)) >= 0;
    }

    private static String group(Matcher match, String ref, int position) {
        if (ref.isEmpty()) {
            throw new PythonError("missing group name at position " + position);
        }
        String group;
        if (ref.chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(ref);
            if (index > match.groupCount()) {
                throw new PythonError("invalid group reference " + index + " at position " + position);
            }
            group = match.group(index);
        } else {
            try {
                group = match.group(ref);
            } catch (IllegalArgumentException e) {
                throw new PythonError("unknown group name '" + ref + "'");
            }
        }
        return group == null ? "" : group;
    }

    private static String escaped(char c, int position) {
        return switch (c) {
            case 'a' -> "\u0007";
            case 'b' -> "\b";
            case 'f' -> "\f";
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case 'v' -> "\u000b";
            case '\\' -> "\\";
            default -> {
                if (c < 128 && Character.isLetter(c)) {
                    throw new PythonError("bad escape \\" + c + " at position " + position);
                }
                yield "\\" + c;
            }
        };
    }

    /** re.escape (Python 3.7+): only regex-special characters get a backslash. */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
