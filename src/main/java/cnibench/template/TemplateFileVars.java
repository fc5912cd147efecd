package cnibench.template;

import cnibench.python.PyDatetime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables Ansible adds while it renders a template file (the template module and lookup):
 * ansible_managed (its default string, "Ansible managed"), template_host, template_path,
 * template_fullpath, template_uid and template_run_date.
 */
final class TemplateFileVars {
    private static final String MANAGED = "Ansible managed";
    /** The controller's name, as Python's socket.gethostname(): read once, without a DNS lookup. */
    private static final String HOST = hostName();

    private TemplateFileVars() {
    }

    static Map<String, Object> of(Path file) {
        Map<String, Object> vars = new LinkedHashMap<>();
        Path full = file.toAbsolutePath().normalize();
        vars.put("template_host", HOST);
        vars.put("template_path", full.toString());
        vars.put("template_fullpath", full.toString());
        vars.put("template_uid", owner(full));
        vars.put("template_run_date", new PyDatetime(LocalDateTime.now()));
        vars.put("ansible_managed", MANAGED);
        return vars;
    }

    private static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static String owner(Path file) {
        try {
            return Files.getOwner(file).getName();
        } catch (IOException | UnsupportedOperationException e) {
            return String.valueOf(System.getProperty("user.name"));
        }
    }
}
