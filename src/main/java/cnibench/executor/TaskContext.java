package cnibench.executor;

import cnibench.callback.Callback;
import cnibench.connection.Connection;
import cnibench.module.spi.TemplatingModuleContext;
import cnibench.playbook.Role;
import cnibench.playbook.Task;
import cnibench.template.Templar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The ModuleContext of one task on one host. */
final class TaskContext extends TemplatingModuleContext {
    private final String hostName;
    private final Connection connection;
    private final Task task;
    private final boolean check;
    private final boolean diff;
    private final Path playbookDir;
    private final Callback callback;

    TaskContext(String hostName, Connection connection, Map<String, Object> vars, Templar templar, Task task,
                boolean check, boolean diff, Path playbookDir, Callback callback) {
        super(templar, vars);
        this.hostName = hostName;
        this.connection = connection;
        this.task = task;
        this.check = check;
        this.diff = diff;
        this.playbookDir = playbookDir;
        this.callback = callback;
    }

    @Override
    public String hostName() {
        return hostName;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public boolean checkMode() {
        return check;
    }

    @Override
    public boolean diffMode() {
        return diff;
    }

    @Override
    public Path findFile(String subdir, String name) {
        Path p = Path.of(name);
        if (p.isAbsolute()) {
            return p;
        }
        List<Path> candidates = new ArrayList<>();
        Role role = task.role();
        if (role != null) {
            candidates.add(role.path().resolve(subdir).resolve(name));
            candidates.add(role.path().resolve(name));
        }
        Path taskDir = task.file().getParent();
        candidates.add(taskDir.resolve(subdir).resolve(name));
        candidates.add(taskDir.resolve(name));
        candidates.add(playbookDir.resolve(subdir).resolve(name));
        candidates.add(playbookDir.resolve(name));
        return candidates.stream().filter(Files::exists).findFirst().orElse(candidates.get(0));
    }

    @Override
    public Path playbookDir() {
        return playbookDir;
    }

    @Override
    public void progress(String message) {
        callback.progress(hostName, message);
    }
}
