package cnibench.module.core;

import cnibench.connection.Connection;
import cnibench.connection.LocalConnection;
import cnibench.module.spi.ArgumentValidator;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.Module;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.template.Templar;
import cnibench.template.UndefinedVariableError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A module context for tests: this machine, a plain map of variables, files under one directory. */
final class TestContext implements ModuleContext {
    private static final Pattern LONE_NAME = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    private final Map<String, Object> vars = new HashMap<>();
    private static final Templar TEMPLAR = new Templar();
    private final Connection connection;
    private final Path baseDir;
    private final List<String> progress = new ArrayList<>();
    private boolean checkMode;

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
        this.checkMode = true;
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

    /** A lone {{ name }} keeps its native type and fails when undefined, as the real Templar does. */
    @Override
    public Object template(Object value) {
        if (value instanceof String s) {
            Matcher lone = LONE_NAME.matcher(s.strip());
            if (lone.matches()) {
                if (!vars.containsKey(lone.group(1))) {
                    throw new UndefinedVariableError(lone.group(1));
                }
                return vars.get(lone.group(1));
            }
        }
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
        return false;
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
