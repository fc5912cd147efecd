package cnibench.playbook;

import cnibench.module.spi.Module;
import cnibench.source.Position;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One task: the action as written (module name or executor action such as include_tasks), the
 * module it resolved to at load time, its untemplated arguments, and its keywords.
 */
public final class Task extends Scope implements Node {
    private final String action;
    private final Module module;
    private final Map<String, Object> args;
    private final Path file;
    private final boolean handler;

    public Task(Scope parent, Map<String, Object> keywords, Position position, String action, Module module,
                Map<String, Object> args, Path file, boolean handler) {
        super(parent, keywords, position);
        this.action = action;
        this.module = module;
        this.args = args;
        this.file = file;
        this.handler = handler;
    }

    /** The module or action name as the task wrote it (e.g. ansible.builtin.command). */
    public String action() {
        return action;
    }

    /** The short name: ansible.builtin.x and ansible.legacy.x become x. */
    public String shortAction() {
        int dot = action.lastIndexOf('.');
        return action.startsWith("ansible.") && dot > 0 ? action.substring(dot + 1) : action;
    }

    /** The module the action resolved to when loaded; empty for executor actions and modules cnibench lacks. */
    public Optional<Module> module() {
        return Optional.ofNullable(module);
    }

    public Map<String, Object> args() {
        return args;
    }

    /** The file the task was written in. */
    public Path file() {
        return file;
    }

    public boolean isHandler() {
        return handler;
    }

    public String name() {
        Object n = ownKeywords().get("name");
        return n == null ? null : String.valueOf(n);
    }

    /** The name shown in TASK banners: role prefix, then the name or the action. */
    public String displayName() {
        String base = name() != null ? name() : action;
        Role role = role();
        return role != null ? role.name() + " : " + base : base;
    }

    /** The variable the result is registered as, or null. */
    public String register() {
        Object r = ownKeywords().get("register");
        return r == null ? null : String.valueOf(r);
    }

    /** changed_when as written (a condition or a list of them, templated when judged), or null. */
    public Object changedWhen() {
        return ownKeywords().get("changed_when");
    }

    /** failed_when as written, or null. */
    public Object failedWhen() {
        return ownKeywords().get("failed_when");
    }

    /** until as written, or null when the task is not retried. */
    public Object until() {
        return ownKeywords().get("until");
    }

    /** Whether the task loops (loop or a with_ lookup). */
    public boolean hasLoop() {
        return ownKeywords().keySet().stream().anyMatch(k -> k.equals("loop") || k.startsWith("with_"));
    }

    /** The handler names or topics the task notifies (set on it or its blocks). */
    public List<Object> notifies() {
        return asList(keyword("notify"));
    }

    /** Whether this handler listens to the topic. */
    public boolean listensTo(String topic) {
        return asList(ownKeywords().get("listen")).stream().anyMatch(t -> String.valueOf(t).equals(topic));
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> loopControl() {
        Object lc = ownKeywords().get("loop_control");
        return lc instanceof Map ? (Map<String, Object>) lc : Map.of();
    }

    @Override
    public String toString() {
        return displayName();
    }
}
