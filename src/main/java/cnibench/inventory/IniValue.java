package cnibench.inventory;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The INI plugin's _parse_value: Python's ast.literal_eval on the text (numbers, quoted strings,
 * True/False/None, lists, tuples, dicts), and the text itself when it is no Python literal.
 */
final class IniValue {
    private final String text;
    private int pos;

    private IniValue(String text) {
        this.text = text;
    }

    static Object parse(String raw) {
        IniValue p = new IniValue(raw.strip());
        try {
            Object value = p.value();
            p.skipSpace();
            return p.pos == p.text.length() ? value : raw;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return raw;
        }
    }

    private Object value() {
        skipSpace();
        char c = text.charAt(pos);
        return switch (c) {
            case '[' -> sequence(']');
            case '(' -> sequence(')');
            case '{' -> mapping();
            case '\'', '"' -> string();
            default -> atom();
        };
    }

    private List<Object> sequence(char close) {
        pos++;
        List<Object> items = new ArrayList<>();
        while (true) {
            skipSpace();
            if (text.charAt(pos) == close) {
                pos++;
                return items;
            }
            items.add(value());
            skipSpace();
            if (text.charAt(pos) == ',') {
                pos++;
            } else if (text.charAt(pos) != close) {
                throw new IllegalArgumentException("expected , or " + close);
            }
        }
    }

    private Map<Object, Object> mapping() {
        pos++;
        Map<Object, Object> map = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (text.charAt(pos) == '}') {
                pos++;
                return map;
            }
            Object key = value();
            skipSpace();
            expect(':');
            map.put(key, value());
            skipSpace();
            if (text.charAt(pos) == ',') {
                pos++;
            } else if (text.charAt(pos) != '}') {
                throw new IllegalArgumentException("expected , or }");
            }
        }
    }

    private String string() {
        StringBuilder out = new StringBuilder();
        // Adjacent literals concatenate in Python: 'a' "b" is 'ab'.
        do {
            char quote = text.charAt(pos++);
            while (text.charAt(pos) != quote) {
                char c = text.charAt(pos++);
                if (c == '\\') {
                    char e = text.charAt(pos++);
                    out.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        case '0' -> '\0';
                        default -> e;
                    });
                } else {
                    out.append(c);
                }
            }
            pos++;
            skipSpace();
        } while (pos < text.length() && (text.charAt(pos) == '\'' || text.charAt(pos) == '"'));
        return out.toString();
    }

    private Object atom() {
        int start = pos;
        while (pos < text.length() && "[](){},:".indexOf(text.charAt(pos)) < 0 && !Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(start, pos);
        return switch (word) {
            case "True" -> Boolean.TRUE;
            case "False" -> Boolean.FALSE;
            case "None" -> null;
            default -> number(word);
        };
    }

    /** Python 3 number literals; a leading zero (0755) is no literal and stays text. */
    private static Object number(String word) {
        String w = word.replace("_", "");
        boolean negative = w.startsWith("-");
        String body = w.startsWith("-") || w.startsWith("+") ? w.substring(1) : w;
        BigInteger n;
        if (body.matches("0[xX][0-9a-fA-F]+")) {
            n = new BigInteger(body.substring(2), 16);
        } else if (body.matches("0[oO][0-7]+")) {
            n = new BigInteger(body.substring(2), 8);
        } else if (body.matches("0[bB][01]+")) {
            n = new BigInteger(body.substring(2), 2);
        } else if (body.matches("0+|[1-9][0-9]*")) {
            n = new BigInteger(body);
        } else if (body.matches("([0-9]+\\.[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+")) {
            double d = Double.parseDouble(body);
            return negative ? -d : d;
        } else {
            throw new IllegalArgumentException("not a literal: " + word);
        }
        n = negative ? n.negate() : n;
        if (n.bitLength() < 32) {
            return n.intValue();
        }
        return n.bitLength() < 64 ? (Object) n.longValue() : n;
    }

    private void expect(char c) {
        if (text.charAt(pos) != c) {
            throw new IllegalArgumentException("expected " + c);
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
