package cnibench.module.spi;

import cnibench.connection.Connection;
import java.nio.file.Path;
import java.util.Map;

/** What a module may use while it runs on one host: nothing more. */
public interface ModuleContext {
    /** The inventory name of the host the task runs for (or is delegated to). */
    String hostName();

    Connection connection();

    /** All variables of the task, templated lazily on access. */
    Map<String, Object> vars();

    /** Templates a value with the task's variables (lists and maps recursively). */
    Object template(Object value);

    /** Evaluates a condition as `when` does (a bare Jinja expression, a template or a boolean). */
    boolean evaluate(String condition);

    /** Renders a whole template file (the template module and the template lookup). */
    String renderTemplateFile(Path file);

    boolean checkMode();

    boolean diffMode();

    /**
     * Finds a file a task names relatively: in the role's {@code subdir} (files, templates, vars),
     * then beside the task file, then the playbook's {@code subdir} and directory, as Ansible searches.
     * Absolute names are returned as they are.
     */
    Path findFile(String subdir, String name);

    /** Where the playbook lives; results/ is written beside it. */
    Path playbookDir();

    /** Reports progress of long work (a repeat, seconds left) on the terminal. */
    void progress(String message);
}
