package cnibench.inventory;

import cnibench.source.Position;
import cnibench.source.SourceError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Ansible 2.14 host patterns (InventoryManager.get_hosts) and --limit. */
public final class HostPattern {
    private static final Pattern WITH_SUBSCRIPT = Pattern.compile("^(.+)\\[(?:(-?[0-9]+)|([0-9]+)([:-])([0-9]*))]$");
    private static final Pattern COLON_PARTS = Pattern.compile("(?:[^\\s:\\[\\]]|\\[[^]]*])+");

    private HostPattern() {
    }

    /** Hosts the pattern selects, without duplicates, in the order Ansible gives them. */
    public static List<Host> select(Inventory inv, String pattern) {
        return evaluate(inv, split(pattern));
    }

    /** The hosts of `hosts` that the --limit pattern (names, patterns or @file lists) keeps. */
    public static List<Host> limit(Inventory inv, List<Host> hosts, String limitPattern) {
        List<String> parts = new ArrayList<>();
        for (String p : split(limitPattern)) {
            if (p.startsWith("@")) {
                parts.addAll(limitFile(Path.of(p.substring(1))));
            } else {
                parts.add(p);
            }
        }
        Set<Host> allowed = new LinkedHashSet<>(evaluate(inv, parts));
        return hosts.stream().filter(allowed::contains).toList();
    }

    private static List<String> limitFile(Path file) {
        if (!Files.exists(file)) {
            throw new SourceError("Unable to find limit file " + file, Position.UNKNOWN);
        }
        if (!Files.isRegularFile(file)) {
            throw new SourceError("Limit starting with \"@\" must be a file, not a directory: " + file, Position.UNKNOWN);
        }
        try {
            return Files.readAllLines(file).stream().map(String::strip).toList();
        } catch (IOException e) {
            throw new SourceError("Unable to read limit file " + file + ": " + e.getMessage(), Position.UNKNOWN);
        }
    }

    /** split_host_pattern: commas separate; without commas, colons do unless the whole is one address. */
    static List<String> split(String pattern) {
        List<String> parts = new ArrayList<>();
        if (pattern.contains(",")) {
            parts.addAll(List.of(pattern.split(",", -1)));
        } else if (isAddress(pattern)) {
            parts.add(pattern);
        } else {
            Matcher m = COLON_PARTS.matcher(pattern);
            while (m.find()) {
                parts.add(m.group());
            }
        }
        return parts.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** Whether parse_address(pattern, allow_ranges=True) succeeds: a host name, IPv4 or IPv6 address with optional port. */
    private static boolean isAddress(String pattern) {
        String name = "(?:[a-zA-Z0-9_\\-]|\\[[a-zA-Z0-9]+:[a-zA-Z0-9]+(?::[0-9]+)?])+";
        String hostname = name + "(?:\\." + name + ")*\\.?";
        String ipv4 = "(?:\\d{1,3}|\\[\\d+:\\d+(?::\\d+)?])(?:\\.(?:\\d{1,3}|\\[\\d+:\\d+(?::\\d+)?])){3}";
        String ipv6 = "[0-9a-fA-F:]*:[0-9a-fA-F:]*:[0-9a-fA-F:.]*";
        return pattern.matches("(?:" + hostname + "|" + ipv4 + ")(?::\\d+)?")
                || pattern.matches(ipv6)
                || pattern.matches("\\[" + ipv6 + "](?::\\d+)?");
    }

    /** _evaluate_patterns: plain parts first, then &intersections, then !exclusions. */
    private static List<Host> evaluate(Inventory inv, List<String> patterns) {
        List<String> regular = new ArrayList<>();
        List<String> intersections = new ArrayList<>();
        List<String> exclusions = new ArrayList<>();
        for (String p : patterns) {
            if (p.isEmpty()) {
                continue;
            } else if (p.startsWith("!")) {
                exclusions.add(p);
            } else if (p.startsWith("&")) {
                intersections.add(p);
            } else {
                regular.add(p);
            }
        }
        if (regular.isEmpty()) {
            regular.add("all");
        }
        List<String> ordered = new ArrayList<>(regular);
        ordered.addAll(intersections);
        ordered.addAll(exclusions);
        List<Host> hosts = new ArrayList<>();
        for (String p : ordered) {
            if (inv.hosts().containsKey(p)) {
                Host h = inv.hosts().get(p);
                if (!hosts.contains(h)) {
                    hosts.add(h);
                }
                continue;
            }
            Set<Host> that = new LinkedHashSet<>(matchOne(inv, p));
            if (p.startsWith("!")) {
                hosts.removeIf(that::contains);
            } else if (p.startsWith("&")) {
                hosts.removeIf(h -> !that.contains(h));
            } else {
                that.stream().filter(h -> !hosts.contains(h)).forEach(hosts::add);
            }
        }
        return hosts;
    }

    /** _match_one_pattern: one pattern without its & or ! prefix, with an optional [subscript]. */
    private static List<Host> matchOne(Inventory inv, String pattern) {
        String p = pattern.startsWith("&") || pattern.startsWith("!") ? pattern.substring(1) : pattern;
        if (p.startsWith("~")) {
            return enumerate(inv, p);
        }
        Matcher m = WITH_SUBSCRIPT.matcher(p);
        if (!m.matches()) {
            return enumerate(inv, p);
        }
        List<Host> hosts = enumerate(inv, m.group(1));
        if (hosts.isEmpty()) {
            return hosts;
        }
        try {
            if (m.group(2) != null) {
                int index = Integer.parseInt(m.group(2));
                return List.of(hosts.get(index < 0 ? hosts.size() + index : index));
            }
            int start = Integer.parseInt(m.group(3));
            int end = m.group(5).isEmpty() ? hosts.size() - 1 : Integer.parseInt(m.group(5));
            if (end == 0) {
                return List.of(hosts.get(start));
            }
            // Python slicing: out-of-range bounds shrink rather than fail.
            int from = Math.min(start, hosts.size());
            int to = Math.min(end + 1, hosts.size());
            return from >= to ? List.of() : List.copyOf(hosts.subList(from, to));
        } catch (IndexOutOfBoundsException e) {
            throw new SourceError("No hosts matched the subscripted pattern '" + p + "'", Position.UNKNOWN);
        }
    }

    /** _enumerate_matches: hosts of matching groups, and matching hosts when no group matched or the pattern is a glob/regex. */
    private static List<Host> enumerate(Inventory inv, String pattern) {
        Pattern compiled = compile(pattern);
        Set<Host> results = new LinkedHashSet<>();
        boolean groupMatched = false;
        List<Host> fromGroups = new ArrayList<>();
        for (Group g : inv.groups().values()) {
            if (compiled.matcher(g.name()).matches()) {
                groupMatched = true;
                fromGroups.addAll(inv.hostsOf(g));
            }
        }
        results.addAll(fromGroups);
        boolean special = pattern.startsWith("~") || pattern.contains(".") || pattern.contains("?")
                || pattern.contains("*") || pattern.contains("[");
        if (!groupMatched || special) {
            for (Host h : inv.hosts().values()) {
                if (compiled.matcher(h.name()).matches()) {
                    results.add(h);
                }
            }
        }
        if (results.isEmpty() && Inventory.isLocalhost(pattern)) {
            results.add(inv.host(pattern));
        }
        return new ArrayList<>(results);
    }

    /** fnmatch.translate for globs; a ~regex matches from the start like re.match. */
    private static Pattern compile(String pattern) {
        try {
            if (pattern.startsWith("~")) {
                return Pattern.compile("(?:" + pattern.substring(1) + ").*", Pattern.DOTALL);
            }
            return Pattern.compile(globToRegex(pattern), Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw new SourceError("Invalid host list pattern: " + pattern, Position.UNKNOWN);
        }
    }

    private static String globToRegex(String glob) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i++);
            if (c == '*') {
                out.append(".*");
            } else if (c == '?') {
                out.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < glob.length() && glob.charAt(j) == '!') {
                    j++;
                }
                if (j < glob.length() && glob.charAt(j) == ']') {
                    j++;
                }
                while (j < glob.length() && glob.charAt(j) != ']') {
                    j++;
                }
                if (j >= glob.length()) {
                    out.append("\\[");
                } else {
                    String set = glob.substring(i, j).replace("\\", "\\\\");
                    i = j + 1;
                    if (set.startsWith("!")) {
                        set = "^" + set.substring(1);
                    } else if (set.startsWith("^")) {
                        set = "\\" + set;
                    }
                    out.append('[').append(set.replace("[", "\\[")).append(']');
                }
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return out.toString();
    }
}
