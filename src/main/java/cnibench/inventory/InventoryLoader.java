package cnibench.inventory;

import cnibench.source.Position;
import cnibench.source.SourceError;
import cnibench.source.YamlLoader;
import cnibench.source.YamlMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads inventory sources as ansible-core does: files (YAML or INI), directories of such files and
 * comma-separated host lists. Anything Ansible would warn about and skip is an error here.
 */
public final class InventoryLoader {
    /** IGNORED_ALWAYS plus the default INVENTORY_IGNORE_EXTS of ansible-core 2.14. */
    private static final Pattern IGNORED = Pattern.compile(
            "^\\.|^host_vars$|^group_vars$|^vars_plugins$"
                    + "|(\\.pyc|\\.pyo|\\.swp|\\.bak|~|\\.rpm|\\.md|\\.txt|\\.rst|\\.orig|\\.ini|\\.cfg|\\.retry)$");

    private final Inventory inventory = new Inventory();

    private InventoryLoader() {
    }

    /** Parses every source (relative paths against cwd) in order and reconciles the result. */
    public static Inventory load(List<String> sources, Path cwd) {
        InventoryLoader loader = new InventoryLoader();
        for (String source : sources) {
            loader.source(source, cwd);
        }
        loader.inventory.reconcile();
        return loader.inventory;
    }

    private void source(String source, Path cwd) {
        Path path = cwd.resolve(source).toAbsolutePath().normalize();
        if (source.contains(",") && !Files.exists(path)) {
            hostList(source);
            return;
        }
        if (Files.isDirectory(path)) {
            inventory.sourceDirs().add(path);
            directory(path);
        } else if (Files.isRegularFile(path) && Files.isReadable(path)) {
            inventory.sourceDirs().add(path.getParent());
            file(path);
        } else {
            throw new SourceError("Unable to parse " + path + " as an inventory source", Position.UNKNOWN);
        }
    }

    private void hostList(String list) {
        Group ungrouped = inventory.group("ungrouped");
        for (String entry : list.split(",")) {
            String name = entry.strip();
            if (name.isEmpty()) {
                continue;
            }
            HostRanges.Expanded parsed = address(name);
            String host = parsed.names().get(0);
            if (!inventory.hosts().containsKey(host)) {
                Host h = inventory.hostOrCreate(host);
                inventory.addToGroup(h, ungrouped);
                if (parsed.port() != null) {
                    h.vars().put("ansible_port", parsed.port());
                }
            }
        }
    }

    /** parse_address without ranges: a name with an optional port, the entry unchanged when it is neither. */
    private static HostRanges.Expanded address(String entry) {
        if (!entry.contains("[") || entry.startsWith("[")) {
            try {
                HostRanges.Expanded parsed = HostRanges.expand(entry);
                if (parsed.names().size() == 1) {
                    return parsed;
                }
            } catch (IllegalArgumentException e) {
                // Ansible leaves what it cannot parse as it is.
            }
        }
        return new HostRanges.Expanded(List.of(entry), null);
    }

    private void directory(Path dir) {
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.filter(p -> !IGNORED.matcher(p.getFileName().toString()).find()).sorted().toList();
        } catch (IOException e) {
            throw new SourceError("Unable to parse " + dir + " as an inventory source", Position.UNKNOWN);
        }
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                directory(entry);
            } else {
                file(entry);
            }
        }
    }

    private void file(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SourceError("Unable to parse " + file + " as an inventory source", Position.UNKNOWN);
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot <= 0 ? "" : name.substring(dot);
        boolean yamlExt = ext.equals(".yml") || ext.equals(".yaml") || ext.equals(".json");
        if (yamlExt) {
            Object data = YamlLoader.load(text, file.toString());
            // Ansible's ini plugin takes an empty .yml after the yaml plugin refused it: no hosts, no error.
            if (data != null) {
                YamlInventoryParser.parse(inventory, file, data);
            }
        } else if (ext.isEmpty() && looksLikeYamlInventory(text, file)) {
            YamlInventoryParser.parse(inventory, file, YamlLoader.load(text, file.toString()));
        } else {
            IniInventoryParser.parse(inventory, file, text.lines().toList());
        }
    }

    /** Ansible tries the yaml plugin first on extensionless files; it takes them when they hold a mapping. */
    private static boolean looksLikeYamlInventory(String text, Path file) {
        try {
            return YamlLoader.load(text, file.toString()) instanceof YamlMap;
        } catch (SourceError e) {
            return false;
        }
    }
}
