package cnibench.callback;

import cnibench.python.PyJson;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The unified diff --diff prints for a result's before/after, shaped like Ansible's. */
final class DiffPrinter {
    private DiffPrinter() {
    }

    /** The text for one diff dict ({before, after, before_header, after_header}); empty when nothing differs. */
    static String render(Map<?, ?> diff) {
        String before = text(diff.get("before"));
        String after = text(diff.get("after"));
        if (before.equals(after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        String fromHeader = header("before", diff.get("before_header"));
        String toHeader = header("after", diff.get("after_header"));
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(fromHeader, toHeader, a, DiffUtils.diff(a, b), 3);
        List<String> out = new ArrayList<>();
        for (String line : unified) {
            if (line.startsWith("--- ") || line.startsWith("+++ ")) {
                out.add(line.substring(0, 3) + " " + line.substring(4));
            } else if (line.startsWith("@@ ")) {
                out.add(hunkHeader(line));
            } else {
                out.add(line);
            }
        }
        return String.join("\n", out) + "\n";
    }

    private static final java.util.regex.Pattern HUNK = java.util.regex.Pattern.compile("@@ -(\\d+),(\\d+) \\+(\\d+),(\\d+) @@");

    /** A hunk header as Python's difflib writes it: a one-line range without its length, an empty one from 0. */
    private static String hunkHeader(String line) {
        java.util.regex.Matcher m = HUNK.matcher(line);
        if (!m.find()) {
            return line;
        }
        return "@@ -" + range(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                + " +" + range(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))) + " @@";
    }

    private static String range(int start, int length) {
        if (length == 1) {
            return String.valueOf(start);
        }
        return (length == 0 ? Math.max(0, start - 1) : start) + "," + length;
    }

    private static String header(String side, Object name) {
        return name == null ? side : side + ": " + name;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map || value instanceof List) {
            return PyJson.dumps(value, 4, true) + "\n";
        }
        return String.valueOf(value);
    }

    private static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return Arrays.asList(body.split("\n", -1));
    }
}
