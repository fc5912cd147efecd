package cnibench.module.spi;

import cnibench.connection.Connection;
import cnibench.connection.LocalConnection;
import cnibench.connection.TaskConnection;
import cnibench.template.Templar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The ModuleContext of module tests: this machine through a local connection (with extra environment, such as
 * a PATH holding stand-in tools), a Templar over a plain variable map, and files found under one directory.
 */
public final class TestModuleContext extends TemplatingModuleContext {
    private static final Templar TEMPLAR = new Templar();

    private final Path dir;
    private final Map<String, String> env = new HashMap<>();
    private final Connection connection = new TaskConnection(new LocalConnection(), env, null);
    // Long-running modules report progress from a ticker thread.
    private final List<String> progress = new CopyOnWriteArrayList<>();
    private boolean checkMode;
    private boolean diffMode;

    public TestModuleContext(Path dir) {
        super(TEMPLAR, new LinkedHashMap<>());
        this.dir = dir;
    }

    public TestModuleContext var(String name, Object value) {
        vars().put(name, value);
        return this;
    }

    /** Adds variables to the environment of every command the module runs. */
    public TestModuleContext env(Map<String, String> variables) {
        env.putAll(variables);
        return this;
    }

    public TestModuleContext check(boolean on) {
        checkMode = on;
        return this;
    }

    public TestModuleContext diff(boolean on) {
        diffMode = on;
        return this;
    }

    public List<String> progressMessages() {
        return progress;
    }

    /** Checks the arguments as the executor does, at load time and then right before the run, and runs the module. */
    public ModuleResult run(Module module, Map<String, Object> args) throws Exception {
        ArgumentValidator.checkStatic(module.spec(), args);
        return module.run(this, ArgumentValidator.validate(module.spec(), args));
    }

    @Override
    public String hostName() {
        return "localhost";
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public boolean checkMode() {
        return checkMode;
    }

    @Override
    public boolean diffMode() {
        return diffMode;
    }

    @Override
    public Path findFile(String subdir, String name) {
        Path given = Path.of(name);
        if (given.isAbsolute()) {
            return given;
        }
        Path inSubdir = dir.resolve(subdir).resolve(name);
        return Files.exists(inSubdir) ? inSubdir : dir.resolve(name);
    }

    @Override
    public Path playbookDir() {
        return dir;
    }

    @Override
    public void progress(String message) {
        progress.add(message);
    }
}
