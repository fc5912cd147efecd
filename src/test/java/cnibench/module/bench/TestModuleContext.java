package cnibench.module.bench;

import cnibench.connection.Connection;
import cnibench.connection.LocalConnection;
import cnibench.module.spi.ArgumentValidator;
import cnibench.module.spi.Module;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A module context on this machine: local connection, no variables, progress messages kept. */
final class TestModuleContext implements ModuleContext {
    private final Path playbookDir;
    private final Connection connection = new LocalConnection();
    final List<String> progress = new CopyOnWriteArrayList<>();

    TestModuleContext(Path playbookDir) {
        this.playbookDir = playbookDir;
    }

    /** Validates the arguments as the executor does, then runs the module. */
    ModuleResult run(Module module, Map<String, Object> args) throws Exception {
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
    public Map<String, Object> vars() {
        return Map.of();
    }

    @Override
    public Object template(Object value) {
        return value;
    }

    @Override
    public boolean evaluate(String condition) {
        return Boolean.parseBoolean(condition);
    }

    @Override
    public String renderTemplateFile(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean checkMode() {
        return false;
    }

    @Override
    public boolean diffMode() {
        return false;
    }

    @Override
    public Path findFile(String subdir, String name) {
        Path path = Path.of(name);
        return path.isAbsolute() ? path : playbookDir.resolve(path);
    }

    @Override
    public Path playbookDir() {
        return playbookDir;
    }

    @Override
    public void progress(String message) {
        progress.add(message);
    }
}
