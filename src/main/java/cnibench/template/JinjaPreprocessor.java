package cnibench.template;

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
 * (Ansible's _escape_backslashes).</li>
 * </ul>
 */
final class JinjaPreprocessor {
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
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && rawStrings) {
                    out.append(c);
                } else if (c == '\\' && i + 1 < text.length()) {
                    out.append(text.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
                i++;
                continue;
            }
            if (depth == 0 && text.startsWith(close, i)) {
                out.append(close);
                return i + 2;
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
}
