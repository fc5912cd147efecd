package cnibench.module.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Python's re syntax where it differs from java.util.regex: named groups and replacement templates. */
final class PythonRegex {
    private PythonRegex() {
    }

    static Pattern compile(String python, int flags) {
        String java = python.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>");
        return Pattern.compile(java, flags);
    }

    /** Python's Match.expand: the template with \N, \g<N> and \g<name> replaced by the match's groups. */
    static String expand(Matcher match, String template) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '\\' || i + 1 == template.length()) {
                out.append(c);
                continue;
            }
            char n = template.charAt(++i);
            if (Character.isDigit(n)) {
                int group = n - '0';
                if (i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))
                        && group * 10 + (template.charAt(i + 1) - '0') <= match.groupCount()) {
                    group = group * 10 + (template.charAt(++i) - '0');
                }
                out.append(orEmpty(match.group(group)));
            } else if (n == 'g' && i + 1 < template.length() && template.charAt(i + 1) == '<') {
                int end = template.indexOf('>', i);
                String name = template.substring(i + 2, end);
                out.append(orEmpty(name.chars().allMatch(Character::isDigit) ? match.group(Integer.parseInt(name)) : match.group(name)));
                i = end;
            } else {
                out.append(switch (n) {
                    case 'n' -> "\n";
                    case 't' -> "\t";
                    case 'r' -> "\r";
                    case '\\' -> "\\";
                    default -> "\\" + n;
                });
            }
        }
        return out.toString();
    }

    private static String orEmpty(String group) {
        return group == null ? "" : group;
    }
}
