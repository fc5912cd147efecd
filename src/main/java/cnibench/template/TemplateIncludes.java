package cnibench.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.loader.ResourceLocator;
import com.hubspot.jinjava.loader.ResourceNotFoundException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds what {% include %}, {% import %} and {% from %} name as Ansible's template search path
 * does: beside the template being rendered, then each directory of ansible_search_path (the role,
 * the playbook) in its templates/ subdirectory and itself. The text gets the same rewriting as
 * every template file, and loses one trailing newline (Jinja's keep_trailing_newline is off).
 */
final class TemplateIncludes implements ResourceLocator {
    @Override
    public String getString(String name, Charset encoding, JinjavaInterpreter interpreter) throws IOException {
        RenderSession session = RenderSession.current();
        for (Path candidate : candidates(name, session)) {
            if (Files.isRegularFile(candidate)) {
                String text = Files.readString(candidate, encoding);
                return JinjaPreprocessor.prepare(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text, false);
            }
        }
        throw new ResourceNotFoundException("the template " + name + " was not found in the template search path");
    }

    private static List<Path> candidates(String name, RenderSession session) {
        Path given = Path.of(name);
        if (given.isAbsolute()) {
            return List.of(given);
        }
        List<Path> out = new ArrayList<>();
        if (session.templateFile() != null) {
            out.add(session.templateFile().toAbsolutePath().getParent().resolve(given));
        }
        for (Path dir : new LookupContext(session).searchDirs()) {
            out.add(dir.resolve("templates").resolve(given));
            out.add(dir.resolve(given));
        }
        return out;
    }
}
