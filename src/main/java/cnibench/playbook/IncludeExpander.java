package cnibench.playbook;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands a dynamic include (include_tasks, include, include_role) when it runs, with its templated
 * arguments: a block in the include's place holding the included tasks. The executor is handed one,
 * so that it runs what it is given and leaves parsing to the loader.
 */
public final class IncludeExpander {
    private final PlaybookLoader loader;

    public IncludeExpander(PlaybookLoader loader) {
        this.loader = loader;
    }

    /** The task file include_tasks names, searched as Ansible searches (role, beside the including file, playbook). */
    public Path taskFile(Task include, Map<String, Object> args) {
        Object file = args.get("file") != null ? args.get("file") : args.get("_raw_params");
        return PlaybookLoader.resolveTaskFile(include, String.valueOf(file));
    }

    /**
     * The included file's tasks, or the role's, in a block in the include's place. A role's handlers
     * go to `handlers`, the run's own, so that the loaded play stays as loaded.
     */
    public Block expand(Task include, Map<String, Object> args, boolean role, Play play, List<Task> handlers) {
        Block block = new Block(include.parent(), Map.of(), include.position());
        if (role) {
            Map<String, Object> vars = new LinkedHashMap<>();
            if (args.get("vars") instanceof Map<?, ?> v) {
                v.forEach((k, val) -> vars.put(String.valueOf(k), val));
            }
            String from = args.get("tasks_from") == null ? "main" : String.valueOf(args.get("tasks_from"));
            // a fresh set: the included role runs even if applied before
            block.block().addAll(loader.applyRole(String.valueOf(args.get("name")), vars, include.position(), block, play, null,
                    from, new HashSet<>(), handlers));
        } else {
            block.block().addAll(loader.parseFile(taskFile(include, args), block, include.isHandler(), include.position()));
        }
        return block;
    }
}
