package cnibench.inventory;

import cnibench.python.PyTypeName;
import cnibench.source.Position;
import cnibench.source.Positioned;
import cnibench.source.SourceError;
import cnibench.source.YamlMap;
import java.nio.file.Path;
import java.util.Map;

/**
 * Ansible's yaml inventory plugin: top-level keys are groups, each with optional hosts, vars and
 * children mappings. What Ansible only warns about and skips is an error here.
 */
final class YamlInventoryParser {
    private final Inventory inventory;
    private final Path file;

    private YamlInventoryParser(Inventory inventory, Path file) {
        this.inventory = inventory;
        this.file = file;
    }

    /** Parses a loaded, non-empty YAML document. */
    static void parse(Inventory inventory, Path file, Object data) {
        if (!(data instanceof YamlMap top)) {
            throw new SourceError("YAML inventory has invalid structure, it should be a dictionary, got: "
                    + PyTypeName.of(data), positionOf(data, file));
        }
        if (top.get("plugin") != null) {
            throw new SourceError("Plugin configuration YAML file, not YAML inventory", top.positionOf("plugin"));
        }
        YamlInventoryParser parser = new YamlInventoryParser(inventory, file);
        top.forEach((name, value) -> parser.group(name, value, top.positionOf(name)));
    }

    private Group group(String name, Object data, Position at) {
        if (data != null && !(data instanceof YamlMap)) {
            throw new SourceError("Invalid group definition '" + name + "': expected a mapping of hosts, vars and"
                    + " children, found " + PyTypeName.of(data), positionOf(data, at));
        }
        if (name.isEmpty()) {
            throw new SourceError("Invalid empty/false group name provided", at);
        }
        Group group = inventory.groupOrCreate(name);
        if (data == null) {
            return group;
        }
        YamlMap map = (YamlMap) data;
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            String key = entry.getKey();
            Object section = entry.getValue();
            Position keyAt = map.positionOf(key);
            if (!key.equals("vars") && !key.equals("children") && !key.equals("hosts")) {
                throw new SourceError("Unexpected key (" + key + ") in group (" + name
                        + "), only \"vars\", \"children\" and \"hosts\" are valid", keyAt);
            }
            if (section instanceof String single) {
                // Ansible accepts a lone name where a mapping is expected.
                YamlMap one = new YamlMap(keyAt);
                one.put(single, null, keyAt);
                section = one;
            }
            if (section == null) {
                continue;
            }
            if (!(section instanceof YamlMap entries)) {
                throw new SourceError("Invalid \"" + key + "\" entry for \"" + name
                        + "\" group, requires a dictionary, found \"" + PyTypeName.of(section) + "\" instead.",
                        positionOf(section, keyAt));
            }
            switch (key) {
                case "vars" -> entries.forEach((k, v) -> groupVar(group, k, v, entries.positionOf(k)));
                case "children" -> entries.forEach((child, childData) ->
                        link(group, group(child, childData, entries.positionOf(child)), entries.positionOf(child)));
                default -> entries.forEach((pattern, hostVars) -> hosts(group, pattern, hostVars, entries.positionOf(pattern)));
            }
        }
        return group;
    }

    private void groupVar(Group group, String key, Object value, Position at) {
        if (key.equals("ansible_group_priority")) {
            try {
                group.setPriority(value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value).strip()));
            } catch (NumberFormatException e) {
                throw new SourceError("invalid literal for int() with base 10: '" + value + "'", at);
            }
        } else {
            Inventory.setVariable(group.vars(), key, value);
        }
    }

    private void link(Group parent, Group child, Position at) {
        try {
            inventory.link(parent, child);
        } catch (SourceError e) {
            throw new SourceError(e.getMessage(), at);
        }
    }

    private void hosts(Group group, String pattern, Object vars, Position at) {
        if (vars != null && !(vars instanceof YamlMap)) {
            throw new SourceError("Invalid data for host '" + pattern + "', expected a mapping of host variables and got: "
                    + PyTypeName.of(vars), positionOf(vars, at));
        }
        HostRanges.Expanded expanded;
        try {
            expanded = HostRanges.expand(pattern);
        } catch (IllegalArgumentException e) {
            throw new SourceError(e.getMessage(), at);
        }
        for (String name : expanded.names()) {
            Host host = inventory.hostOrCreate(name);
            if (host.source() == null) {
                host.setSource(file);
            }
            inventory.addToGroup(host, group);
            if (expanded.port() != null) {
                host.vars().put("ansible_port", expanded.port());
            }
            if (vars != null) {
                ((YamlMap) vars).forEach((k, v) -> Inventory.setVariable(host.vars(), k, v));
            }
        }
    }

    private static Position positionOf(Object value, Path file) {
        return value instanceof Positioned p ? p.position() : Position.of(file, 1, 1);
    }

    private static Position positionOf(Object value, Position fallback) {
        return value instanceof Positioned p ? p.position() : fallback;
    }
}
