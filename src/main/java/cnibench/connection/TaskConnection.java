package cnibench.connection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A host's connection as one task uses it: with the task's environment and become user applied. */
public final class TaskConnection implements Connection {
    private final Connection target;
    private final Map<String, String> environment;
    private final String becomeUser;

    public TaskConnection(Connection target, Map<String, String> environment, String becomeUser) {
        this.target = target;
        this.environment = environment;
        this.becomeUser = becomeUser;
    }

    @Override
    public String type() {
        return target.type();
    }

    @Override
    public CommandResult exec(CommandRequest request) throws IOException, InterruptedException {
        CommandRequest r = request;
        if (!environment.isEmpty()) {
            Map<String, String> env = new HashMap<>(environment);
            env.putAll(request.env());
            r = r.withEnv(env);
        }
        if (becomeUser != null && r.becomeUser() == null) {
            r = r.withBecomeUser(becomeUser);
        }
        return target.exec(r);
    }

    @Override
    public Path path(String name) {
        return target.path(name);
    }
}
