package cnibench.playbook;

import cnibench.source.Position;
import cnibench.source.SourceError;
import cnibench.source.YamlLoader;
import cnibench.source.YamlMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds roles on the roles path and reads their defaults, vars and meta, once per role. */
public final class RoleLoader {
    private final List<Path> rolesPath;
    private final Map<Path, Role> cache = new HashMap<>();

    public RoleLoader(List<Path> rolesPath) {
        this.rolesPath = rolesPath;
    }

    /**
     * The role of that name: searched in the playbook's roles/ directory, the configured roles
     * path, then beside the playbook, as Ansible searches. A name with a slash is a path.
     */
    public Role find(String name, Path playbookDir, Position at) {
        List<Path> tried = new ArrayList<>();
        List<Path> candidates = new ArrayList<>();
        if (name.contains("/")) {
            candidates.add(playbookDir.resolve(name));
        } else {
            candidates.add(playbookDir.resolve("roles").resolve(name));
            rolesPath.forEach(p -> candidates.add(p.resolve(name)));
            candidates.add(playbookDir.resolve(name));
        }
        for (Path c : candidates) {
            tried.add(c.getParent());
            if (Files.isDirectory(c)) {
                return cache.computeIfAbsent(c.toAbsolutePath().normalize(), p -> read(name, p));
            }
        }
        throw new SourceError("the role '" + name + "' was not found in " + String.join(":",
                tried.stream().map(Path::toString).distinct().toList()), at);
    }

    private Role read(String name, Path dir) {
        Map<String, Object> defaults = mapFiles(RoleFiles.varsFiles(dir.resolve("defaults"), "main"));
        Map<String, Object> vars = mapFiles(RoleFiles.varsFiles(dir.resolve("vars"), "main"));
        Map<String, Object> meta = mapFile(RoleFiles.mainFile(dir.resolve("meta"), "main"));
        Map<String, Object> specs = mapFile(RoleFiles.mainFile(dir.resolve("meta"), "argument_specs"));
        List<Object> deps = meta.get("dependencies") instanceof List<?> l ? new ArrayList<>(l) : List.of();
        Object galaxy = meta.get("galaxy_info");
        boolean allowDuplicates = Boolean.TRUE.equals(meta.get("allow_duplicates"));
        if (galaxy != null && !(galaxy instanceof Map)) {
            throw new SourceError("galaxy_info in the role's meta must be a mapping", ((YamlMap) meta).positionOf("galaxy_info"));
        }
        Object argumentSpecs = specs.containsKey("argument_specs") ? specs.get("argument_specs") : meta.get("argument_specs");
        return new Role(dir.getFileName().toString(), dir, defaults, vars, deps, allowDuplicates,
                argumentSpecs instanceof Map<?, ?> m ? RoleArgumentSpecs.of(m) : Map.of());
    }

    private static Map<String, Object> mapFiles(List<Path> files) {
        Map<String, Object> merged = new LinkedHashMap<>();
        files.forEach(f -> merged.putAll(mapFile(f)));
        return merged;
    }

    static Map<String, Object> mapFile(Path file) {
        if (file == null) {
            return Map.of();
        }
        Object data = YamlLoader.load(file);
        if (data == null) {
            return new LinkedHashMap<>();
        }
        if (!(data instanceof YamlMap map)) {
            throw new SourceError("Vars in a role file must be specified as a dictionary", new Position(file.toString(), 1, 1));
        }
        return map;
    }
}
