package cnibench.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Inventory host names with ranges (`web[01:03]`, `db-[a:c]`, `n[1:9:2]`) and an optional `:port`. */
final class HostRanges {
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[([0-9a-fA-F:.]*:[0-9a-fA-F:.]*:[0-9a-fA-F:.]*)](?::(\\d+))?");

    /** Names and port of one host entry; port is null when the entry gives none. */
    record Expanded(List<String> names, Integer port) {
    }

    private HostRanges() {
    }

    /** Splits off a port and expands ranges; throws IllegalArgumentException with Ansible's wording. */
    static Expanded expand(String entry) {
        String pattern = entry;
        Integer port = null;
        Matcher v6 = BRACKETED_IPV6.matcher(entry);
        if (v6.matches()) {
            pattern = v6.group(1);
            port = v6.group(2) == null ? null : Integer.valueOf(v6.group(2));
        } else {
            int colon = lastColonOutsideBrackets(entry);
            if (colon > 0 && colon == firstColonOutsideBrackets(entry)) {
                String tail = entry.substring(colon + 1);
                if (tail.matches("\\d+")) {
                    pattern = entry.substring(0, colon);
                    port = Integer.valueOf(tail);
                }
            }
        }
        if (entry.strip().endsWith(":") && port == null) {
            throw new IllegalArgumentException("Invalid host pattern '" + entry
                    + "' supplied, ending in ':' is not allowed, this character is reserved to provide a port.");
        }
        List<String> names = pattern.contains("[") ? expandRange(pattern) : List.of(pattern);
        for (String name : names) {
            if (name.strip().equals("---")) {
                throw new IllegalArgumentException("Invalid host pattern '" + entry
                        + "' supplied, '---' is normally a sign this is a YAML file.");
            }
        }
        return new Expanded(names, port);
    }

    private static int lastColonOutsideBrackets(String s) {
        int depth = 0;
        int last = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (c == ':' && depth == 0) {
                last = i;
            }
        }
        return last;
    }

    private static int firstColonOutsideBrackets(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (c == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** expand_hostname_range: the first [a:b(:step)] set is expanded, then the rest recursively. */
    static List<String> expandRange(String line) {
        int open = line.indexOf('[');
        int close = line.indexOf(']', open);
        if (close < 0) {
            throw new IllegalArgumentException("host range must be begin:end or begin:end:step");
        }
        String head = line.substring(0, open);
        String tail = line.substring(close + 1);
        String[] bounds = line.substring(open + 1, close).split(":", -1);
        if (bounds.length != 2 && bounds.length != 3) {
            throw new IllegalArgumentException("host range must be begin:end or begin:end:step");
        }
        String beg = bounds[0].isEmpty() ? "0" : bounds[0];
        String end = bounds[1];
        int step = bounds.length == 3 ? parseInt(bounds[2]) : 1;
        if (end.isEmpty()) {
            throw new IllegalArgumentException("host range must specify end value");
        }
        int width = 0;
        if (beg.charAt(0) == '0' && beg.length() > 1) {
            if (beg.length() != end.length()) {
                throw new IllegalArgumentException("host range must specify equal-length begin and end formats");
            }
            width = beg.length();
        }
        if (step <= 0) {
            throw new IllegalArgumentException("host range step must be a positive number");
        }
        List<String> items = new ArrayList<>();
        int iBeg = beg.length() == 1 ? LETTERS.indexOf(beg) : -1;
        int iEnd = end.length() == 1 ? LETTERS.indexOf(end) : -1;
        if (iBeg >= 0 && iEnd >= 0) {
            if (iBeg > iEnd) {
                throw new IllegalArgumentException("host range must have begin <= end");
            }
            for (int i = iBeg; i <= iEnd; i += step) {
                items.add(String.valueOf(LETTERS.charAt(i)));
            }
        } else {
            for (long i = parseInt(beg); i <= parseInt(end); i += step) {
                String n = Long.toString(i);
                items.add(width > n.length() ? "0".repeat(width - n.length()) + n : n);
            }
        }
        List<String> hosts = new ArrayList<>();
        for (String item : items) {
            String name = head + item + tail;
            hosts.addAll(name.contains("[") ? expandRange(name) : List.of(name));
        }
        return hosts;
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid literal for int() with base 10: '" + s + "'");
        }
    }
}
