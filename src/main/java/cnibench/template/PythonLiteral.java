package cnibench.template;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's ast.literal_eval for the literals Ansible turns back into data: strings, numbers,
 * True/False/None (and JSON's true/false/null), lists, tuples and dicts.
 */
final class PythonLiteral {
    private final String text;
    private int pos;

    private PythonLiteral(String text) {
        this.text = text;
    }

    /** The value, or the fallback when the text is not exactly one literal. */
    static Object parseOr(String text, Object fallback) {
        PythonLiteral parser = new PythonLiteral(text);
        try {
            Object value = parser.value();
            parser.skipSpace();
            return parser.pos == text.length() ? value : fallback;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return fallback;
        }
    }

    private Object value() {
        skipSpace();
        char c = text.charAt(pos);
        return switch (c) {
            case '[' -> sequence('[', ']');
            case '(' -> sequence('(', ')');
            case '{' -> dict();
            case '\'', '"' -> string();
            default -> Character.isDigit(c) || c == '-' || c == '+' || c == '.' ? number() : name();
        };
    }

    private List<Object> sequence(char open, char close) {
        List<Object> out = new ArrayList<>();
        expect(open);
        while (true) {
            skipSpace();
            if (peek(close)) {
                pos++;
                return out;
            }
            out.add(value());
            skipSpace();
            if (!peek(',')) {
                expect(close);
                return out;
            }
            pos++;
        }
    }

    private Map<Object, Object> dict() {
        Map<Object, Object> out = new LinkedHashMap<>();
        expect('{');
        while (true) {
            skipSpace();
            if (peek('}')) {
                pos++;
                return out;
            }
            Object key = value();
            skipSpace();
            expect(':');
            out.put(key, value());
            skipSpace();
            if (!peek(',')) {
                expect('}');
                return out;
            }
            pos++;
        }
    }

    private String string() {
        char quote = text.charAt(pos++);
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '0' -> out.append('\0');
                case 'x' -> {
                    out.append((char) Integer.parseInt(text.substring(pos, pos + 2), 16));
                    pos += 2;
                }
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> out.append(e);
            }
        }
    }

    private Object number() {
        int start = pos;
        while (pos < text.length() && "0123456789+-.eExXabcdefABCDEF_".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String n = text.substring(start, pos).replace("_", "");
        try {
            if (n.matches("[-+]?\\d+")) {
                return NativeValues.normalizeInteger(new BigInteger(n));
            }
            return Double.parseDouble(n);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(n, e);
        }
    }

    private Object name() {
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        return switch (text.substring(start, pos)) {
            case "True", "true" -> Boolean.TRUE;
            case "False", "false" -> Boolean.FALSE;
            case "None", "null" -> null;
            default -> throw new IllegalArgumentException("not a literal");
        };
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw new IllegalArgumentException("expected " + c);
        }
        pos++;
    }
}
