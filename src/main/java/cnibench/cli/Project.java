package cnibench.cli;

import cnibench.config.RunnerConfig;
import cnibench.inventory.Inventory;
import cnibench.inventory.InventoryLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where the project and the user stand: working directory, cnibench home and the config in force. */
final class Project {
    final Path cwd = Path.of("").toAbsolutePath();
    final Path home;
    final RunnerConfig config;

    Project() {
        String h = System.getProperty("cnibench.home");
        home = h == null ? null : Path.of(h).toAbsolutePath();
        config = RunnerConfig.load(cwd, home, System.getenv());
    }

    /** The inventory of -i's sources, else the config's. */
    Inventory inventory(List<String> given) {
        return InventoryLoader.load(inventorySources(given), cwd);
    }

    /**
     * The inventory sources a run uses: -i's, else the config's; a path as an absolute one, found here or else in the
     * cnibench home, a host list as given. None means just the implicit localhost.
     */
    List<String> inventorySources(List<String> given) {
        List<String> sources = given == null || given.isEmpty() ? config.inventory() : given;
        List<String> resolved = new ArrayList<>();
        for (String s : sources) {
            resolved.add(s.contains(",") ? s : Files.exists(cwd.resolve(s)) || home == null ? cwd.resolve(s).normalize().toString()
                    : Files.exists(home.resolve(s)) ? home.resolve(s).normalize().toString() : s);
        }
        return resolved;
    }

    /** A playbook as given, then under playbooks/ here and in the cnibench home. */
    Path playbook(String name) {
        List<Path> candidates = new ArrayList<>(List.of(cwd.resolve(name), cwd.resolve("playbooks").resolve(name)));
        if (home != null) {
            candidates.add(home.resolve("playbooks").resolve(name));
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElse(cwd.resolve(name));
    }

    Path resultsRoot() {
        String r = System.getenv("CNIBENCH_RESULTS");
        if (r != null) {
            return Path.of(r);
        }
        return (home != null ? home : cwd).resolve("results");
    }

    /** The commit the project is at, read from .git without starting git. */
    String revision() {
        Path base = home != null ? home : cwd;
        try {
            Path git = base.resolve(".git");
            if (Files.isRegularFile(git)) {
                git = base.resolve(Files.readString(git).replace("gitdir:", "").trim());
            }
            String head = Files.readString(git.resolve("HEAD")).trim();
            if (head.startsWith("ref: ")) {
                Path ref = git.resolve(head.substring(5));
                if (Files.isRegularFile(ref)) {
                    return Files.readString(ref).trim();
                }
                Path packed = git.resolve("packed-refs");
                if (Files.isRegularFile(packed)) {
                    for (String line : Files.readAllLines(packed)) {
                        if (line.endsWith(" " + head.substring(5))) {
                            return line.substring(0, line.indexOf(' '));
                        }
                    }
                }
                return "unknown";
            }
            return head;
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
