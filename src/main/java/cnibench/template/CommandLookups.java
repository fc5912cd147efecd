package cnibench.template;

import cnibench.python.PyRepr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Lookups running a shell command on the controller: pipe (stdout) and lines (stdout lines). */
final class CommandLookups {
    private static final long TIMEOUT_SECONDS = 300;

    private CommandLookups() {
    }

    static List<Object> pipe(List<Object> terms, Map<String, Object> options, LookupContext context) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            out.add(run(PyRepr.str(term), context).stripTrailing());
        }
        return out;
    }

    static List<Object> lines(List<Object> terms, Map<String, Object> options, LookupContext context) {
        List<Object> out = new ArrayList<>();
        for (Object term : terms) {
            out.addAll(run(PyRepr.str(term), context).lines().toList());
        }
        return out;
    }

    /** Runs in the last search directory (the playbook dir), as Ansible runs pipe in its base dir. */
    private static String run(String command, LookupContext context) {
        Path dir = context.searchDirs().get(context.searchDirs().size() - 1);
        try {
            Process process = new ProcessBuilder("/bin/sh", "-c", command)
                    .directory(dir.toFile().isDirectory() ? dir.toFile() : null)
                    .redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.getOutputStream().close();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new TemplateError("lookup_plugin.pipe(" + command + ") timed out");
            }
            if (process.exitValue() != 0) {
                throw new TemplateError("lookup_plugin.pipe(" + command + ") returned " + process.exitValue());
            }
            return stdout;
        } catch (IOException e) {
            throw new TemplateError("lookup_plugin.pipe(" + command + ") failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TemplateError("lookup_plugin.pipe(" + command + ") interrupted");
        }
    }
}
