package cnibench.playbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits `module: a=1 b="x y" free words` as Ansible's parse_kv does: quotes and Jinja blocks stay
 * whole; words that are not key=value become `_raw_params`. For free-form modules only a few keys
 * are taken as key=value, the rest stays raw text.
 */
public final class KeyValueParser {
    /** The keys command-like modules accept inline; anything else stays part of the command. */
    private static final Set<String> RAW_KEYS = Set.of("creates", "removes", "chdir", "executable", "warn",
            "stdin", "stdin_add_newline", "strip_empty_ends");

    private KeyValueParser() {
    }

    public static Map<String, Object> parse(String text, boolean freeForm) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> raw = new ArrayList<>();
        for (String word : split(text)) {
            int eq = keyEnd(word);
            if (eq > 0) {
                String key = word.substring(0, eq);
                if (!freeForm || RAW_KEYS.contains(key)) {
                    out.put(key, unquote(word.substring(eq + 1)));
                    continue;
                }
            }
            raw.add(word);
        }
        if (!raw.isEmpty()) {
            out.put("_raw_params", String.join(" ", raw));
        }
        return out;
    }

    /** Index of '=' when the word starts with an identifier followed by '=', else -1. */
    private static int keyEnd(String word) {
        int i = 0;
        while (i < word.length() && (Character.isLetterOrDigit(word.charAt(i)) || word.charAt(i) == '_')) {
            i++;
        }
        return i > 0 && i < word.length() && word.charAt(i) == '=' ? i : -1;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1).replace("\\" + v.charAt(0), String.valueOf(v.charAt(0)));
        }
        return v;
    }

    /** Splits on white space outside quotes and outside {{ }}, {% %} and {# #}. */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        int jinja = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (quote == 0 && c == '{' && (next == '{' || next == '%' || next == '#')) {
                jinja++;
                cur.append(c).append(next);
                i++;
                continue;
            }
            if (jinja > 0 && (c == '}' || c == '%' || c == '#') && next == '}') {
                jinja--;
                cur.append(c).append(next);
                i++;
                continue;
            }
            if (jinja == 0 && quote == 0 && (c == '"' || c == '\'') && (i == 0 || text.charAt(i - 1) != '\\')) {
                quote = c;
            } else if (quote != 0 && c == quote && text.charAt(i - 1) != '\\') {
                quote = 0;
            } else if (quote == 0 && jinja == 0 && Character.isWhitespace(c)) {
                if (cur.length() > 0) {
                    words.add(cur.toString());
                    cur.setLength(0);
                }
                continue;
            }
            cur.append(c);
        }
        if (cur.length() > 0) {
            words.add(cur.toString());
        }
        return words;
    }
}
