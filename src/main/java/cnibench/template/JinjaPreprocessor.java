package cnibench.template;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites template text where Jinja's lexer and Jinjava's differ, before Jinjava parses it:
 * <ul>
 * <li>Jinja balances braces, so `{{ {'a': {'b': 1}} }}` is one expression while Jinjava ends it at
 * the first `}}`: closing braces of dict literals are separated (`} }`);</li>
 * <li>an unclosed {{ or {% is an error, as in Jinja;</li>
 * <li>{% raw %} blocks are left alone;</li>
 * <li>collection-qualified filter and test names (`| ansible.builtin.to_json`) are shortened;</li>
 * <li>in template strings, backslashes in {{ }} string literals are kept as written
 * (Ansible's _escape_backslashes);</li>
 * <li>adjacent string literals are one literal, as in Python (`'a' 'b'` is `'ab'`);</li>
 * <li>`item.0` (Jinja's getitem by a number after a dot) becomes `item[0]`;</li>
 * <li>names that are keywords of Jinjava's expression language but plain names in Jinja
 * (`empty`, `div`, ...) are renamed with {@link #RENAMED_PREFIX}, which {@link RenderSession}
 * strips when it looks them up; as attributes (`x.empty`) they become `x['empty']`.</li>
 * </ul>
 */
final class JinjaPreprocessor {
    /** Prefix of renamed names that Jinjava would read as keywords. */
    static final String RENAMED_PREFIX = "__cnibench_name_";
    private static final Set<String> EL_KEYWORDS = Set.of(
            "empty", "div", "mod", "instanceof", "eq", "ne", "lt", "gt", "le", "ge");
    /** A test name follows `is` / `is not`: eq, ne, lt, ... stay tests there. */
    private static final Pattern BEFORE_TEST = Pattern.compile("\\bis(?:\\s+not)?\\s*$");
    /** {% raw %} ... {% endraw %}: copied untouched, Jinja does not look inside. */
    private static final Pattern RAW_BLOCK = Pattern.compile(
            "\\{%-?\\s*raw\\s*-?%}.*?\\{%-?\\s*endraw\\s*-?%}", Pattern.DOTALL);
    /** Filters and tests named by collection (`| ansible.builtin.to_json`) go by their short name. */
    private static final Pattern FQCN = Pattern.compile(
            "(\\|\\s*|\\bis\\s+(?:not\\s+)?)(?:ansible\\.(?:builtin|utils|netcommon)|community\\.general)\\.(\\w+)");

    private JinjaPreprocessor() {
    }

    /**
     * @param rawStrings true for template strings (not files): like Ansible's _escape_backslashes,
     *                   string literals inside {{ }} keep their backslashes as written
     */
    static String prepare(String text, boolean rawStrings) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        int i = 0;
        int n = text.length();
        Matcher raw = RAW_BLOCK.matcher(text);
        while (i < n) {
            if (text.startsWith("{%", i) && raw.region(i, n).lookingAt()) {
                out.append(raw.group());
                i = raw.end();
            } else if (text.startsWith("{{", i) || text.startsWith("{%", i)) {
                boolean expression = text.charAt(i + 1) == '{';
                i = copyBlock(text, i, expression ? "}}" : "%}", rawStrings && expression, out);
            } else if (text.startsWith("{#", i)) {
                int end = text.indexOf("#}", i + 2);
                int stop = end < 0 ? n : end + 2;
                out.append(text, i, stop);
                i = stop;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    /** Copies one {{ }} or {% %} block starting at i; returns the index after it. */
    private static int copyBlock(String text, int start, String close, boolean rawStrings, StringBuilder whole) {
        StringBuilder out = new StringBuilder();
        try {
            return copyBlockBody(text, start, close, rawStrings, out);
        } finally {
            whole.append(FQCN.matcher(out).replaceAll("$1$2"));
        }
    }

    private static int copyBlockBody(String text, int start, String close, boolean rawStrings, StringBuilder out) {
        out.append(text, start, start + 2);
        int i = start + 2;
        int depth = 0;
        char quote = 0;
        int literalEnd = -1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && rawStrings) {
                    out.append(c);
                } else if (c == '\\' && i + 1 < text.length()) {
                    char next = text.charAt(++i);
                    // Jinja decodes Python's escapes in literals; Jinjava's EL knows only \\ \' \"
                    // (Python keeps an unknown escape such as \w as written: a backslash for the EL)
                    switch (next) {
                        case 'n' -> out.setCharAt(out.length() - 1, '\n');
                        case 't' -> out.setCharAt(out.length() - 1, '\t');
                        case 'r' -> out.setCharAt(out.length() - 1, '\r');
                        case '\\', '\'', '"' -> out.append(next);
                        default -> out.append('\\').append(next);
                    }
                } else if (c == quote) {
                    quote = 0;
                    literalEnd = out.length();
                }
                i++;
                continue;
            }
            if (depth == 0 && text.startsWith(close, i)) {
                out.append(close);
                return i + 2;
            }
            if (isNameStart(c) && !isNamePart(text.charAt(i - 1))) {
                i = copyName(text, i, out);
                continue;
            }
            if (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)) && followsValue(out)) {
                i = copyIndex(text, i, out);
                continue;
            }
            if ((c == '\'' || c == '"') && adjacentLiteral(out, literalEnd)) {
                quote = c;
                i = joinLiteral(out, literalEnd, c, i);
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
                out.append(c);
                if (i + 1 < text.length() && text.charAt(i + 1) == '}') {
                    out.append(' ');
                }
                i++;
                continue;
            }
            out.append(c);
            i++;
        }
        String expected = close.equals("}}") ? "end of print statement" : "end of statement block";
        throw new TemplateError("template error while templating string: unexpected end of template, expected '"
                + expected + "'. String: " + text);
    }

    /** True when only blanks were copied since the last string literal closed. */
    private static boolean adjacentLiteral(StringBuilder out, int literalEnd) {
        return literalEnd >= 0 && out.substring(literalEnd).isBlank();
    }

    /**
     * Continues the previous literal with the one opening at i: with the same quote, the closing quote
     * and blanks are dropped; with the other quote, the two are joined with `~`. Returns the index after the quote.
     */
    private static int joinLiteral(StringBuilder out, int literalEnd, char quote, int i) {
        if (out.charAt(literalEnd - 1) == quote) {
            out.setLength(literalEnd - 1);
        } else {
            out.setLength(literalEnd);
            out.append(" ~ ").append(quote);
        }
        return i + 1;
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Copies the name starting at i, renaming Jinjava keywords used as names; returns the index after it. */
    private static int copyName(String text, int start, StringBuilder out) {
        int end = start;
        while (end < text.length() && isNamePart(text.charAt(end))) {
            end++;
        }
        String name = text.substring(start, end);
        if (!EL_KEYWORDS.contains(name) || BEFORE_TEST.matcher(out).find()) {
            out.append(name);
        } else if (out.charAt(out.length() - 1) == '.') {
            out.setLength(out.length() - 1);
            out.append("['").append(name).append("']");
        } else {
            out.append(RENAMED_PREFIX).append(name);
        }
        return end;
    }

    /** True when a dot after what was copied so far follows a name, `]` or `)`: an index, not a float. */
    private static boolean followsValue(CharSequence copied) {
        int end = copied.length();
        char before = copied.charAt(end - 1);
        if (before == ']' || before == ')') {
            return true;
        }
        int start = end;
        while (start > 0 && isNamePart(copied.charAt(start - 1))) {
            start--;
        }
        return start < end && isNameStart(copied.charAt(start));
    }

    /** Copies `.12` as `[12]`; returns the index after the digits. */
    private static int copyIndex(String text, int dot, StringBuilder out) {
        int end = dot + 1;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        out.append('[').append(text, dot + 1, end).append(']');
        return end;
    }
}
