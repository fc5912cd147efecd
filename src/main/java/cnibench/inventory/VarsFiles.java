package cnibench.inventory;

import cnibench.python.PyTypeName;
import cnibench.source.Position;
import cnibench.source.SourceError;
import cnibench.source.YamlLoader;
import cnibench.source.YamlMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * group_vars/ and host_vars/ next to an inventory or playbook, read as Ansible's host_group_vars
 * plugin reads them. Each file is read once per instance; share one instance for a run. The maps
 * returned hold the cached values: callers copy them into their own maps and do not change them.
 */
public final class VarsFiles {
    private static final List<String> EXTENSIONS = List.of(".yml", ".yaml", ".json");

    private final Map<Path, Map<String, Object>> fileCache = new ConcurrentHashMap<>();
    private final Map<Path, List<Path>> lookupCache = new ConcurrentHashMap<>();

    /** Variables of group from baseDir/group_vars/; empty when there are none. */
    public Map<String, Object> groupVars(Path baseDir, String group) {
        return vars(baseDir, "group_vars", group);
    }

    /** Variables of host from baseDir/host_vars/; empty when there are none. */
    public Map<String, Object> hostVars(Path baseDir, String host) {
        return vars(baseDir, "host_vars", host);
    }

    private Map<String, Object> vars(Path baseDir, String subdir, String name) {
        Map<String, Object> data = new LinkedHashMap<>();
        // Ansible skips 'chroot' style names such as /path/to/chroot.
        if (name.startsWith("/")) {
            return data;
        }
        Path dir = baseDir.resolve(subdir).toAbsolutePath().normalize();
        for (Path file : lookupCache.computeIfAbsent(dir.resolve(name), this::find)) {
            data.putAll(read(file));
        }
        return data;
    }

    /** find_vars_files: the first of name, name.yml, name.yaml, name.json; a directory gives its files. */
    private List<Path> find(Path base) {
        if (!Files.isDirectory(base.getParent())) {
            return List.of();
        }
        List<String> candidates = new ArrayList<>();
        candidates.add("");
        candidates.addAll(EXTENSIONS);
        for (String ext : candidates) {
            Path path = base.resolveSibling(base.getFileName() + ext);
            if (Files.isDirectory(path)) {
                return directoryFiles(path);
            }
            if (Files.exists(path)) {
                return List.of(path);
            }
        }
        return List.of();
    }

    private static List<Path> directoryFiles(Path dir) {
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.sorted().toList();
        } catch (IOException e) {
            throw new SourceError("Could not read '" + dir + "': " + e.getMessage(), Position.UNKNOWN);
        }
        List<Path> found = new ArrayList<>();
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".") || name.endsWith("~")) {
                continue;
            }
            int dot = name.lastIndexOf('.');
            String ext = dot <= 0 ? "" : name.substring(dot);
            if (Files.isDirectory(entry) && ext.isEmpty()) {
                found.addAll(directoryFiles(entry));
            } else if (Files.isRegularFile(entry) && (ext.isEmpty() || EXTENSIONS.contains(ext))) {
                found.add(entry);
            }
        }
        return found;
    }

    private Map<String, Object> read(Path file) {
        return fileCache.computeIfAbsent(file, f -> {
            Object data = YamlLoader.load(f);
            if (data == null) {
                return Map.of();
            }
            if (!(data instanceof YamlMap map)) {
                Position at = data instanceof cnibench.source.Positioned p ? p.position() : Position.of(f, 1, 1);
                throw new SourceError("Invalid variables file " + f + ": expected a mapping of variables, got a "
                        + PyTypeName.of(data), at);
            }
            return map;
        });
    }
}
