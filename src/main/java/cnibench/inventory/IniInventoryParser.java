package cnibench.inventory;

import cnibench.python.PythonError;
import cnibench.python.ShellWords;
import cnibench.source.Position;
import cnibench.python.PythonError;
import cnibench.python.ShellWords;
import cnibench.source.SourceError;
import cnibench.python.PythonError;
import cnibench.python.ShellWords;
import java.nio.file.Path;
import cnibench.python.PythonError;
import cnibench.python.ShellWords;
import java.util.ArrayList;
import cnibench.python.PythonError;
import cnibench.python.ShellWords;
import java.util.LinkedHashMap;
import cnibench.python.PythonError;
import cnibench.python.ShellWords;
import java.util.List;
import cnibench.python.PythonError;
import cnibench.python.ShellWords;
import java.util.Map;
import cnibench.python.PythonError;
import cnibench.python.ShellWords;
import java.util.regex.Matcher;
import cnibench.python.PythonError;
import cnibench.python.ShellWords;
import java.util.regex.Pattern;

/** Ansible's ini inventory plugin, with every parse problem an error at file:line:column. */
final class IniInventoryParser {
    private static final Pattern SECTION = Pattern.compile("^\\[([^:\\]\\s]+)(?::(\\w+))?]\\s*(?:#.*)?$");
    private static final Pattern GROUP_NAME = Pattern.compile("^([^:\\]\\s]+)\\s*(?:#.*)?$");

    private final Inventory inventory;
    private final Path file;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private int lineNo;

    /** A [g:vars] or child reference seen before g was declared. */
    private record Pending(int line, String state, List<String> parents) {
    }

    private IniInventoryParser(Inventory inventory, Path file) {
        this.inventory = inventory;
        this.file = file;
    }

    static void parse(Inventory inventory, Path file, List<String> lines) {
        new IniInventoryParser(inventory, file).parse(lines);
    }

    private void parse(List<String> lines) {
        String group = "ungrouped";
        String state = "hosts";
        for (String raw : lines) {
            lineNo++;
            String line = raw.strip();
            int indent = raw.indexOf(line.isEmpty() ? " " : line.substring(0, 1));
            if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == ';') {
                continue;
            }
            Matcher m = SECTION.matcher(line);
            if (m.matches()) {
                group = m.group(1);
                state = m.group(2) == null ? "hosts" : m.group(2);
                section(group, state, m.group(2) == null ? group : group + ":" + state);
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                throw error("Invalid section entry: '" + line + "'. Please make sure that there are no spaces in the"
                        + " section entry, and that there are no other invalid characters", 1);
            }
            switch (state) {
                case "hosts" -> hostLine(line, indent, group);
                case "vars" -> varLine(line, group);
                default -> childLine(line, indent, group);
            }
        }
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            Pending p = e.getValue();
            String name = e.getKey();
            String message = p.state().equals("vars")
                    ? "Section [" + name + ":vars] not valid for undefined group: " + name
                    : "Section [" + p.parents().get(p.parents().size() - 1) + ":children] includes undefined group: " + name;
            throw new SourceError(message, Position.of(file, p.line(), 1));
        }
    }

    private void section(String group, String state, String title) {
        if (!state.equals("hosts") && !state.equals("children") && !state.equals("vars")) {
            throw error("Section [" + title + "] has unknown type: " + state, 1);
        }
        if (inventory.group(group) == null) {
            // [g:vars] alone does not declare g; [g] or [g:children] must follow somewhere.
            if (state.equals("vars") && !pending.containsKey(group)) {
                pending.put(group, new Pending(lineNo, state, new ArrayList<>()));
            }
            inventory.groupOrCreate(group);
        }
        Pending p = pending.get(group);
        if (p != null && !state.equals("vars")) {
            if (p.state().equals("children")) {
                addPendingChildren(group);
            } else {
                pending.remove(group);
            }
        }
    }

    private void addPendingChildren(String group) {
        for (String parent : pending.get(group).parents()) {
            inventory.link(inventory.group(parent), inventory.group(group));
            Pending pp = pending.get(parent);
            if (pp != null && pp.state().equals("children")) {
                addPendingChildren(parent);
            }
        }
        pending.remove(group);
    }

    private void hostLine(String line, int indent, String groupName) {
        List<ShellWords.Word> words;
        try {
            words = ShellWords.splitWithComments(line);
        } catch (PythonError e) {
            throw error("Error parsing host definition '" + line + "': " + e.getMessage(), indent + 1);
        }
        HostRanges.Expanded expanded;
        try {
            expanded = HostRanges.expand(words.get(0).text());
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage(), indent + 1);
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        for (ShellWords.Word w : words.subList(1, words.size())) {
            int eq = w.text().indexOf('=');
            if (eq < 0) {
                throw error("Expected key=value host variable assignment, got: " + w.text(), indent + w.start() + 1);
            }
            vars.put(w.text().substring(0, eq), IniValue.parse(w.text().substring(eq + 1)));
        }
        Group group = inventory.group(groupName);
        for (String name : expanded.names()) {
            Host host = newHost(name);
            inventory.addToGroup(host, group);
            if (expanded.port() != null) {
                host.vars().put("ansible_port", expanded.port());
            }
            vars.forEach((k, v) -> Inventory.setVariable(host.vars(), k, v));
        }
    }

    private Host newHost(String name) {
        Host host = inventory.hostOrCreate(name);
        if (host.source() == null) {
            host.setSource(file);
        }
        return host;
    }

    private void varLine(String line, String group) {
        int eq = line.indexOf('=');
        if (eq < 0) {
            throw error("Expected key=value, got: " + line, 1);
        }
        String key = line.substring(0, eq).strip();
        Object value = IniValue.parse(line.substring(eq + 1).strip());
        Group g = inventory.group(group);
        if (key.equals("ansible_group_priority")) {
            g.setPriority(priority(value));
        } else {
            Inventory.setVariable(g.vars(), key, value);
        }
    }

    private int priority(Object value) {
        try {
            return value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw error("invalid literal for int() with base 10: '" + value + "'", 1);
        }
    }

    private void childLine(String line, int indent, String parent) {
        Matcher m = GROUP_NAME.matcher(line);
        if (!m.matches()) {
            throw error("Expected group name, got: " + line, indent + 1);
        }
        String child = m.group(1);
        if (inventory.group(child) == null) {
            Pending p = pending.get(child);
            if (p == null) {
                pending.put(child, new Pending(lineNo, "children", new ArrayList<>(List.of(parent))));
            } else {
                p.parents().add(parent);
            }
        } else {
            try {
                inventory.link(inventory.group(parent), inventory.group(child));
            } catch (SourceError e) {
                throw error(e.getMessage(), indent + 1);
            }
        }
    }

    private SourceError error(String message, int column) {
        return new SourceError(message, Position.of(file, lineNo, column));
    }
}
