package cnibench.inventory;

import cnibench.source.Position;
import cnibench.source.SourceError;
import cnibench.source.YamlLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** PROVISIONAL (replaced by the inventory owner): reads group_vars/ and host_vars/ entries. */
public final class VarsFiles {
    private static final Map<Path, Map<String, Object>> CACHE = new ConcurrentHashMap<>();

    private VarsFiles() {
    }

    public static Map<String, Object> groupVars(Path baseDir, String group) {
        return read(baseDir.resolve("group_vars"), group);
    }

    public static Map<String, Object> hostVars(Path baseDir, String host) {
        return read(baseDir.resolve("host_vars"), host);
    }

    private static Map<String, Object> read(Path dir, String name) {
        return CACHE.computeIfAbsent(dir.resolve(name), p -> load(dir, name));
    }

    private static Map<String, Object> load(Path dir, String name) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String ext : List.of("", ".yml", ".yaml", ".json")) {
            Path p = dir.resolve(name + ext);
            if (Files.isRegularFile(p)) {
                merge(out, p);
            } else if (ext.isEmpty() && Files.isDirectory(p)) {
                try (Stream<Path> files = Files.walk(p)) {
                    files.filter(Files::isRegularFile).sorted().forEach(f -> merge(out, f));
                } catch (IOException e) {
                    throw new SourceError("Could not read " + p + ": " + e.getMessage(), Position.UNKNOWN);
                }
            }
        }
        return out;
    }

    private static void merge(Map<String, Object> out, Path file) {
        Object data = YamlLoader.load(file);
        if (data instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
        } else if (data != null) {
            throw new SourceError("Vars in " + file + " must be a dictionary", new Position(file.toString(), 1, 1));
        }
    }
}
