package cnibench.template;

import cnibench.python.AnsibleBoolean;
import cnibench.python.PyRegex;
import cnibench.python.PyRepr;
import cnibench.python.PyTuple;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** regex_search, regex_replace, regex_findall and regex_escape with Python's re syntax. */
final class RegexFilters {
    private static final Pattern NAMED_REF = Pattern.compile("\\\\g<(\\S+)>");
    private static final Pattern NUMBERED_REF = Pattern.compile("\\\\(\\d+)");

    private RegexFilters() {
    }

    static void register(FilterCatalog c) {
        c.add("regex_search", RegexFilters::search);
        c.add("regex_replace", (v, a) -> replace(PyRepr.str(v), a.string(0, "pattern", ""), a.string(1, "replacement", ""),
                flags(a), ((Number) a.get(-1, "count", 0)).intValue()));
        c.add("regex_findall", (v, a) -> findall(PyRepr.str(v), a.string(0, "regex", ""), flags(a)));
        c.add("regex_escape", (v, a) -> PyRegex.escape(PyRepr.str(v)));
    }

    private static int flags(FilterArgs a) {
        int flags = 0;
        if (AnsibleBoolean.ofBoolFilter(a.named().getOrDefault("ignorecase", false))) {
            flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        }
        if (AnsibleBoolean.ofBoolFilter(a.named().getOrDefault("multiline", false))) {
            flags |= Pattern.MULTILINE;
        }
        return flags;
    }

    private static Object search(Object value, FilterArgs args) {
        List<Object> groups = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String ref = PyRepr.str(args.positional()[i]);
            Matcher named = NAMED_REF.matcher(ref);
            Matcher numbered = NUMBERED_REF.matcher(ref);
            if (named.lookingAt()) {
                groups.add(named.group(1));
            } else if (numbered.lookingAt()) {
                groups.add(Integer.parseInt(numbered.group(1)));
            } else {
                throw new TemplateError("Unknown argument");
            }
        }
        Matcher m = PyRegex.compile(args.string(0, "regex", ""), flags(args)).matcher(PyRepr.str(value));
        if (!m.find()) {
            return null;
        }
        if (groups.isEmpty()) {
            return m.group();
        }
        List<Object> out = new ArrayList<>();
        for (Object group : groups) {
            out.add(group instanceof Integer index ? m.group(index) : m.group((String) group));
        }
        return out;
    }

    private static String replace(String value, String pattern, String replacement, int flags, int count) {
        Matcher m = PyRegex.compile(pattern, flags).matcher(value);
        StringBuilder out = new StringBuilder();
        int done = 0;
        while ((count <= 0 || done < count) && m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(PyRegex.expand(m, replacement)));
            done++;
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<Object> findall(String value, String regex, int flags) {
        Matcher m = PyRegex.compile(regex, flags).matcher(value);
        List<Object> out = new ArrayList<>();
        while (m.find()) {
            if (m.groupCount() == 0) {
                out.add(m.group());
            } else if (m.groupCount() == 1) {
                out.add(m.group(1) == null ? "" : m.group(1));
            } else {
                Object[] groups = new Object[m.groupCount()];
                for (int i = 0; i < groups.length; i++) {
                    groups[i] = m.group(i + 1) == null ? "" : m.group(i + 1);
                }
                out.add(new PyTuple(groups));
            }
        }
        return out;
    }
}
