package cnibench.template;

import cnibench.python.PyRepr;
import cnibench.python.PyTuple;
import cnibench.python.PyFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The methods of Python's str, dict and list that playbooks call inside expressions. */
final class PythonMethods {
    static final Object NOT_HANDLED = new Object();
    private static final Pattern FORMAT_FIELD = Pattern.compile("\\{(\\w*)(?::([^}]*))?}|\\{\\{|}}");

    private PythonMethods() {
    }

    static Object call(Object base, String method, Object[] args) {
        if (base instanceof CharSequence cs) {
            return stringMethod(cs.toString(), method, args);
        }
        if (base instanceof Map<?, ?> map) {
            return dictMethod(map, method, args);
        }
        if (base instanceof List<?> list) {
            return listMethod(list, method, args);
        }
        return NOT_HANDLED;
    }

    private static Object stringMethod(String s, String method, Object[] args) {
        return switch (method) {
            case "startswith" -> anyPrefix(args[0], s::startsWith);
            case "endswith" -> anyPrefix(args[0], s::endsWith);
            case "upper" -> s.toUpperCase();
            case "lower" -> s.toLowerCase();
            case "strip" -> strip(s, args, true, true);
            case "lstrip" -> strip(s, args, true, false);
            case "rstrip" -> strip(s, args, false, true);
            case "split" -> split(s, args);
            case "splitlines" -> new ArrayList<>(s.lines().toList());
            case "replace" -> args.length > 2
                    ? replaceCount(s, str(args[0]), str(args[1]), ((Number) args[2]).intValue())
                    : s.replace(str(args[0]), str(args[1]));
            case "format" -> format(s, args);
            case "join" -> join(s, args[0]);
            case "capitalize" -> s.isEmpty() ? s : s.substring(0, 1).toUpperCase() + s.substring(1).toLowerCase();
            case "title" -> CoreFilters.title(s);
            case "find" -> s.indexOf(str(args[0]));
            case "count" -> countOccurrences(s, str(args[0]));
            case "isdigit" -> !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            case "isalpha" -> !s.isEmpty() && s.chars().allMatch(Character::isLetter);
            case "isspace" -> !s.isEmpty() && s.isBlank();
            case "islower" -> s.chars().anyMatch(Character::isLetter) && s.equals(s.toLowerCase());
            case "isupper" -> s.chars().anyMatch(Character::isLetter) && s.equals(s.toUpperCase());
            default -> NOT_HANDLED;
        };
    }

    private static Object dictMethod(Map<?, ?> map, String method, Object[] args) {
        return switch (method) {
            case "items" -> {
                List<Object> items = new ArrayList<>(map.size());
                map.forEach((k, v) -> items.add(new PyTuple(k, v)));
                yield items;
            }
            case "keys" -> new ArrayList<>(map.keySet());
            case "values" -> new ArrayList<>(map.values());
            case "get" -> map.containsKey(args[0]) ? map.get(args[0]) : (args.length > 1 ? args[1] : null);
            case "copy" -> new LinkedHashMap<>(map);
            default -> NOT_HANDLED;
        };
    }

    private static Object listMethod(List<?> list, String method, Object[] args) {
        return switch (method) {
            case "index" -> {
                int i = list.indexOf(args[0]);
                if (i < 0) {
                    throw new TemplateError(PyRepr.repr(args[0]) + " is not in list");
                }
                yield i;
            }
            case "count" -> list.stream().filter(v -> java.util.Objects.equals(v, args[0])).count();
            default -> NOT_HANDLED;
        };
    }

    private static boolean anyPrefix(Object prefixes, java.util.function.Predicate<String> test) {
        if (prefixes instanceof Collection<?> many) {
            return many.stream().anyMatch(p -> test.test(str(p)));
        }
        return test.test(str(prefixes));
    }

    private static String strip(String s, Object[] args, boolean left, boolean right) {
        String chars = args.length > 0 && args[0] != null ? str(args[0]) : null;
        int start = 0;
        int end = s.length();
        while (left && start < end && stripped(s.charAt(start), chars)) {
            start++;
        }
        while (right && end > start && stripped(s.charAt(end - 1), chars)) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean stripped(char c, String chars) {
        return chars == null ? Character.isWhitespace(c) : chars.indexOf(c) >= 0;
    }

    /** Python's str.split: no separator splits on runs of whitespace and drops empty ends. */
    static List<Object> split(String s, Object[] args) {
        String sep = args.length > 0 && args[0] != null ? str(args[0]) : null;
        int max = args.length > 1 ? ((Number) args[1]).intValue() : -1;
        List<Object> out = new ArrayList<>();
        if (sep == null) {
            String rest = s.strip();
            while (!rest.isEmpty()) {
                if (max >= 0 && out.size() == max) {
                    out.add(rest);
                    return out;
                }
                int i = 0;
                while (i < rest.length() && !Character.isWhitespace(rest.charAt(i))) {
                    i++;
                }
                out.add(rest.substring(0, i));
                rest = rest.substring(i).stripLeading();
            }
            return out;
        }
        int from = 0;
        int at;
        while ((max < 0 || out.size() < max) && (at = s.indexOf(sep, from)) >= 0) {
            out.add(s.substring(from, at));
            from = at + sep.length();
        }
        out.add(s.substring(from));
        return out;
    }

    private static String replaceCount(String s, String old, String replacement, int count) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        int at;
        int done = 0;
        while (done < count && (at = s.indexOf(old, from)) >= 0) {
            out.append(s, from, at).append(replacement);
            from = at + old.length();
            done++;
        }
        return out.append(s.substring(from)).toString();
    }

    private static int countOccurrences(String s, String part) {
        if (part.isEmpty()) {
            return s.length() + 1;
        }
        int count = 0;
        for (int at = s.indexOf(part); at >= 0; at = s.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private static String join(String separator, Object items) {
        List<String> parts = new ArrayList<>();
        for (Object item : (Collection<?>) items) {
            parts.add(str(item));
        }
        return String.join(separator, parts);
    }

    /** str.format with {} / {0} / {name} fields; the format spec supports width, fill 0 and d/s/f. */
    private static String format(String template, Object[] args) {
        Matcher m = FORMAT_FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        int auto = 0;
        while (m.find()) {
            String replacement;
            if (m.group().equals("{{")) {
                replacement = "{";
            } else if (m.group().equals("}}")) {
                replacement = "}";
            } else {
                String field = m.group(1);
                Object value = field.isEmpty() ? args[auto++]
                        : field.chars().allMatch(Character::isDigit) ? args[Integer.parseInt(field)]
                        : namedArgument(args, field);
                replacement = m.group(2) == null ? PyRepr.str(value) : PyFormat.apply(m.group(2), value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Object namedArgument(Object[] args, String name) {
        for (Object arg : args) {
            if (arg instanceof com.hubspot.jinjava.el.ext.NamedParameter p && p.getName().equals(name)) {
                return p.getValue();
            }
        }
        throw new TemplateError("KeyError: '" + name + "'");
    }

    static String str(Object value) {
        return PyRepr.str(value);
    }
}
