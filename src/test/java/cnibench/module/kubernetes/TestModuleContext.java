package cnibench.module.kubernetes;

import cnibench.connection.CommandRequest;
import cnibench.connection.CommandResult;
import cnibench.connection.Connection;
import cnibench.connection.LocalConnection;
import cnibench.module.spi.ArgumentValidator;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.Module;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.template.Templar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ModuleContext for module tests: a local connection (optionally with extra environment such as a PATH
 * holding stand-in tools), a Templar over a plain variable map, and files found under one directory.
 */
final class TestModuleContext implements ModuleContext {
    private final Path dir;
    private final Map<String, Object> vars = new LinkedHashMap<>();
    private final Templar templar = new Templar();
    private final Map<String, String> env = new HashMap<>();
    private final List<String> progress = new ArrayList<>();
    private boolean checkMode;
    private boolean diffMode;

    TestModuleContext(Path dir) {
        this.dir = dir;
    }

    TestModuleContext var(String name, Object value) {
        vars.put(name, value);
        return this;
    }

    TestModuleContext env(String name, String value) {
        env.put(name, value);
        return this;
    }

    TestModuleContext checkMode(boolean on) {
        checkMode = on;
        return this;
    }

    TestModuleContext diffMode(boolean on) {
        diffMode = on;
        return this;
    }

    /** Validates the arguments against the module's spec, as the executor does, and runs the module. */
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
        LocalConnection local = new LocalConnection();
        return new Connection() {
            @Override
            public String type() {
                return local.type();
            }

            @Override
            public CommandResult exec(CommandRequest request) throws IOException, InterruptedException {
                Map<String, String> merged = new HashMap<>(env);
                merged.putAll(request.env());
                return local.exec(request.withEnv(merged));
            }

            @Override
            public Path path(String name) {
                return local.path(name);
            }
        };
    }

    @Override
    public Map<String, Object> vars() {
        return vars;
    }

    @Override
    public Object template(Object value) {
        return templar.template(value, vars);
    }

    @Override
    public boolean evaluate(String condition) {
        return templar.evaluateCondition(condition, vars);
    }

    @Override
    public String renderTemplateFile(Path file) {
        return templar.renderFile(file, vars);
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

    List<String> progressMessages() {
        return progress;
    }
}
