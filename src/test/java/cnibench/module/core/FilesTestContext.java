package cnibench.module.core;

import cnibench.connection.Connection;
import cnibench.connection.LocalConnection;
import cnibench.module.spi.ArgumentValidator;
import cnibench.module.spi.Module;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.template.Templar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A ModuleContext on this machine: variables in a map, relative files looked up under one directory. */
final class FilesTestContext implements ModuleContext {
    private final Connection connection = new LocalConnection();
    private final Templar templar = new Templar();
    private final Map<String, Object> vars = new HashMap<>();
    private final Path lookupDir;
    private boolean check;
    private boolean diff;

    FilesTestContext(Path lookupDir) {
        this.lookupDir = lookupDir;
    }

    FilesTestContext check(boolean value) {
        this.check = value;
        return this;
    }

    FilesTestContext diff(boolean value) {
        this.diff = value;
        return this;
    }

    FilesTestContext var(String name, Object value) {
        vars.put(name, value);
        return this;
    }

    /** Validates the arguments against the module's spec and runs it, as the task executor does. */
    ModuleResult run(Module module, Map<String, Object> args) throws Exception {
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
        return vars;
    }

    @Override
    public Object template(Object value) {
        return templar.template(value, vars);
    }

    @Override
    public boolean evaluate(String condition) {
        return new Templar().evaluateCondition(condition, vars());
    }

    @Override
    public String renderTemplateFile(Path file) {
        return templar.renderFile(file, vars);
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
        Path given = Path.of(name);
        if (given.isAbsolute()) {
            return given;
        }
        Path inSubdir = lookupDir.resolve(subdir).resolve(name);
        return Files.exists(inSubdir) ? inSubdir : lookupDir.resolve(name);
    }

    @Override
    public Path playbookDir() {
        return lookupDir;
    }

    @Override
    public void progress(String message) {
    }
}
