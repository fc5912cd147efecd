package cnibench.template;

import cnibench.python.PyRepr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a lookup sees of the current render: the variables and where relative files are searched
 * (each directory of ansible_search_path, then playbook_dir; in its `files`/`templates`
 * subdirectory first, then the directory itself, as Ansible does).
 */
record LookupContext(RenderSession session) {
    List<Path> searchDirs() {
        List<Path> dirs = new ArrayList<>();
        if (session.resolve("ansible_search_path") instanceof List<?> paths) {
            paths.forEach(p -> dirs.add(Path.of(PyRepr.str(p))));
        }
        if (session.resolve("playbook_dir") instanceof String playbookDir) {
            dirs.add(Path.of(playbookDir));
        }
        if (dirs.isEmpty()) {
            dirs.add(Path.of("").toAbsolutePath());
        }
        return dirs;
    }

    /** The file a relative name designates, looking in `subdir` of each search dir first. */
    Optional<Path> find(String name, String subdir) {
        Path given = Path.of(PathFilters.expanduser(name));
        if (given.isAbsolute()) {
            return Files.exists(given) ? Optional.of(given) : Optional.empty();
        }
        for (Path dir : searchDirs()) {
            for (Path candidate : List.of(dir.resolve(subdir).resolve(given), dir.resolve(given))) {
                if (Files.exists(candidate)) {
                    return Optional.of(candidate.normalize());
                }
            }
        }
        return Optional.empty();
    }
}
