package cnibench.module.core;

import cnibench.connection.Connection;
import cnibench.connection.LocalConnection;
import cnibench.module.spi.ArgumentValidator;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.Module;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.template.Templar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A module context for tests: this machine, a plain map of variables, files under one directory. */
final class TestContext implements ModuleContext {
    private final Map<String, Object> vars = new HashMap<>();
    private static final Templar TEMPLAR = new Templar();
    private final Connection connection;
    private final Path baseDir;
    private final List<String> progress = new ArrayList<>();
    private boolean checkMode;
    private boolean diffMode;

    TestContext(Path baseDir) {
        this(baseDir, new LocalConnection());
    }

    TestContext(Path baseDir, Connection connection) {
        this.baseDir = baseDir;
        this.connection = connection;
    }

    TestContext var(String name, Object value) {
        vars.put(name, value);
        return this;
    }

    TestContext check() {
        return check(true);
    }

    TestContext check(boolean value) {
        this.checkMode = value;
        return this;
    }

    TestContext diff(boolean value) {
        this.diffMode = value;
        return this;
    }

    List<String> progressMessages() {
        return progress;
    }

    /** Validates the arguments against the module's spec and runs it, as the executor does. */
    ModuleResult run(Module module, Map<String, Object> args) throws Exception {
        Arguments validated = ArgumentValidator.validate(module.spec(), args);
        return module.run(this, validated);
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
        return vars;
    }

    @Override
    public Object template(Object value) {
        return TEMPLAR.template(value, vars);
    }

    @Override
    public boolean evaluate(String condition) {
        return TEMPLAR.evaluateCondition(condition, vars);
    }

    @Override
    public String renderTemplateFile(Path file) {
        return TEMPLAR.renderFile(file, vars);
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
        Path inSubdir = baseDir.resolve(subdir).resolve(name);
        return Files.exists(inSubdir) ? inSubdir : baseDir.resolve(name);
    }

    @Override
    public Path playbookDir() {
        return baseDir;
    }

    @Override
    public void progress(String message) {
        progress.add(message);
    }
}
