package cnibench.playbook;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A role as found on disk: where it lives, its defaults and vars, the role references of its
 * meta/main.yml dependencies, and its argument specs by entry point (tasks file name). Its task and
 * handler files are parsed per application.
 */
public record Role(String name, Path path, Map<String, Object> defaults, Map<String, Object> vars,
                   List<Object> dependencies, boolean allowDuplicates, Map<String, Map<String, Object>> argumentSpecs) {

    public Path tasksFile(String name) {
        return RoleFiles.mainFile(path.resolve("tasks"), name);
    }

    public Path handlersFile() {
        return RoleFiles.mainFile(path.resolve("handlers"), "main");
    }
}
