package cnibench.playbook;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a role's `main` files as Ansible does: main.yml, main.yaml, main.json or main. */
final class RoleFiles {
    private RoleFiles() {
    }

    /** The file for `name` in dir, or null when the role has none. */
    static Path mainFile(Path dir, String name) {
        for (String ext : new String[] {".yml", ".yaml", ".json", ""}) {
            Path p = dir.resolve(name + ext);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
