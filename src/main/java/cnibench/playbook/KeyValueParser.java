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
        StringBuilder raw = new StringBuilder(text);
        List<int[]> spans = spans(text);
        boolean anyRaw = false;
        for (int i = spans.size() - 1; i >= 0; i--) {
            int[] span = spans.get(i);
            String word = text.substring(span[0], span[1]);
            int eq = keyEnd(word);
            if (eq > 0 && (!freeForm || RAW_KEYS.contains(word.substring(0, eq)))) {
                out.put(word.substring(0, eq), unquote(word.substring(eq + 1)));
                // drop the word and the white space before it, keeping the rest of the text as written
                int from = span[0];
                while (from > 0 && Character.isWhitespace(text.charAt(from - 1))) {
                    from--;
                }
                raw.delete(from, span[1]);
            } else {
                anyRaw = true;
            }
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(out.keySet());
        for (int i = keys.size() - 1; i >= 0; i--) {
            ordered.put(keys.get(i), out.get(keys.get(i)));
        }
        if (anyRaw) {
            String params = raw.toString();
            ordered.put("_raw_params", params.strip().equals(params.trim()) && !params.contains("\n") ? stripLeading(params) : params);
        }
        return ordered;
    }

    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return s.substring(i);
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

    /** The words of the text: [start, end) spans split on white space outside quotes and Jinja blocks. */
    static List<int[]> spans(String text) {
        List<int[]> words = new ArrayList<>();
        int start = -1;
        char quote = 0;
        int jinja = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (quote == 0 && jinja == 0 && Character.isWhitespace(c)) {
                if (start >= 0) {
                    words.add(new int[] {start, i});
                    start = -1;
                }
                continue;
            }
            if (start < 0) {
                start = i;
            }
            if (quote == 0 && c == '{' && (next == '{' || next == '%' || next == '#')) {
                jinja++;
                i++;
            } else if (jinja > 0 && (c == '}' || c == '%' || c == '#') && next == '}') {
                jinja--;
                i++;
            } else if (jinja == 0 && quote == 0 && (c == '"' || c == '\'') && (i == 0 || text.charAt(i - 1) != '\\')) {
                quote = c;
            } else if (quote != 0 && c == quote && text.charAt(i - 1) != '\\') {
                quote = 0;
            }
        }
        if (start >= 0) {
            words.add(new int[] {start, text.length()});
        }
        return words;
    }
}
