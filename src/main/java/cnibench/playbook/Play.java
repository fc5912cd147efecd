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
    private final List<Task> handlers = new ArrayList<>();

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

    /** serial as written (a number, a percentage or a list of them, templated when batches are made), or null. */
    public Object serial() {
        return ownKeywords().get("serial");
    }

    /** gather_facts as written, or null (then facts are gathered). */
    public Object gatherFacts() {
        return ownKeywords().get("gather_facts");
    }

    public Object gatherSubset() {
        return ownKeywords().get("gather_subset");
    }

    /** Whether each host runs on its own (strategy free) rather than task by task across hosts (linear). */
    public boolean freeStrategy() {
        return "free".equals(String.valueOf(ownKeywords().get("strategy")));
    }

    /** max_fail_percentage as written, or null. */
    public Object maxFailPercentage() {
        return ownKeywords().get("max_fail_percentage");
    }

    /** order as written (sorted, reverse_sorted, reverse_inventory, shuffle), or null for inventory order. */
    public String order() {
        Object o = ownKeywords().get("order");
        return o == null ? null : String.valueOf(o);
    }
}
