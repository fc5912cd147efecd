package cnibench.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings from runner.cfg or ansible.cfg (ini, ansible.cfg's key names under [defaults]),
 * overridden by ANSIBLE_* environment variables as Ansible does.
 */
public final class RunnerConfig {
    private final Path file;
    private final Map<String, String> defaults;
    private final Map<String, String> env;

    private RunnerConfig(Path file, Map<String, String> defaults, Map<String, String> env) {
        this.file = file;
        this.defaults = defaults;
        this.env = env;
    }

    /**
     * Finds the config: $CNIBENCH_CONFIG or $ANSIBLE_CONFIG, then runner.cfg and ansible.cfg in the
     * working directory, then runner.cfg in the cnibench home.
     */
    public static RunnerConfig load(Path cwd, Path home, Map<String, String> env) {
        List<Path> candidates = new ArrayList<>();
        for (String var : List.of("CNIBENCH_CONFIG", "ANSIBLE_CONFIG")) {
            if (env.get(var) != null) {
                candidates.add(Path.of(env.get(var)));
            }
        }
        candidates.add(cwd.resolve("runner.cfg"));
        candidates.add(cwd.resolve("ansible.cfg"));
        if (home != null) {
            candidates.add(home.resolve("runner.cfg"));
        }
        for (Path c : candidates) {
            if (Files.isRegularFile(c)) {
                return new RunnerConfig(c.toAbsolutePath(), parse(c), env);
            }
        }
        return new RunnerConfig(null, Map.of(), env);
    }

    static Map<String, String> parse(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        String section = "";
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ConfigException("Could not read config file " + file + ": " + e.getMessage());
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).trim();
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 1) {
                throw new ConfigException(file + ":" + (i + 1) + ":1: expected 'key = value', got: " + line);
            }
            if (section.equals("defaults")) {
                out.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return out;
    }

    public Path file() {
        return file;
    }

    /** A [defaults] key, or its ANSIBLE_<KEY> environment variable, which wins. */
    public String get(String key) {
        String fromEnv = env.get("ANSIBLE_" + key.toUpperCase());
        return fromEnv != null ? fromEnv : defaults.get(key);
    }

    public int forks() {
        String f = get("forks");
        return f == null ? 5 : Integer.parseInt(f);
    }

    /** Inventory sources from the config, relative to the config file's directory. */
    public List<String> inventory() {
        String inv = get("inventory");
        if (inv == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : inv.split(",")) {
            if (!part.isBlank()) {
                out.add(resolve(part.trim()));
            }
        }
        return out;
    }

    public List<Path> rolesPath() {
        String rp = get("roles_path");
        List<Path> out = new ArrayList<>();
        if (rp != null) {
            for (String part : rp.split(":")) {
                if (!part.isBlank()) {
                    out.add(Path.of(resolve(part.trim())));
                }
            }
        }
        return out;
    }

    private String resolve(String path) {
        if (path.startsWith("~")) {
            return System.getProperty("user.home") + path.substring(1);
        }
        Path p = Path.of(path);
        return p.isAbsolute() || file == null ? path : file.getParent().resolve(p).normalize().toString();
    }
}
