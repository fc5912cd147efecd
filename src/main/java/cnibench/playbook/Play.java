package cnibench.playbook;

import cnibench.source.Position;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A play: the hosts it targets and its task sections, each a block. */
public final class Play extends Scope {
    private final Path file;
    private final List<Block> preTasks = new ArrayList<>();
    private final List<Block> roles = new ArrayList<>();
    private final List<RoleScope> roleScopes = new ArrayList<>();
    private final List<Block> tasks = new ArrayList<>();
    private final List<Block> postTasks = new ArrayList<>();
    // include_role adds handlers while the play runs
    private final List<Task> handlers = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Play(Map<String, Object> keywords, Position position, Path file) {
        super(null, keywords, position);
        this.file = file;
    }

    public String name() {
        Object n = ownKeywords().get("name");
        return n == null ? null : String.valueOf(n);
    }

    public Object hosts() {
        return ownKeywords().get("hosts");
    }

    public Path file() {
        return file;
    }

    public Path dir() {
        return file.toAbsolutePath().getParent();
    }

    public List<Block> preTasks() {
        return preTasks;
    }

    /** The roles of `roles:`, each as a block of its tasks (dependencies first). */
    public List<Block> roles() {
        return roles;
    }

    /** Every role applied in the play, for role defaults and vars visible play-wide. */
    public List<RoleScope> roleScopes() {
        return roleScopes;
    }

    public List<Block> tasks() {
        return tasks;
    }

    public List<Block> postTasks() {
        return postTasks;
    }

    public List<Task> handlers() {
        return handlers;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> vars() {
        Object v = ownKeywords().get("vars");
        return v instanceof Map ? (Map<String, Object>) v : Map.of();
    }

    public List<Object> varsFiles() {
        return asList(ownKeywords().get("vars_files"));
    }
}
