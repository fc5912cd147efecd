package cnibench.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole-file rendering as Ansible's template module does it. */
class RenderFileTest {
    @TempDir
    Path dir;

    private final Templar templar = new Templar();

    private String render(String content, Map<String, Object> vars) throws IOException {
        Path file = dir.resolve("t.j2");
        Files.writeString(file, content);
        return templar.renderFile(file, vars);
    }

    @Test
    void trimBlocksOnAndTrailingNewlineKept() throws IOException {
        String template = "hosts:\n{% for h in hosts %}\n  - {{ h }}\n{% endfor %}\nend\n";
        assertEquals("hosts:\n  - a\n  - b\nend\n", render(template, Map.of("hosts", List.of("a", "b"))));
    }

    @Test
    void lstripBlocksIsOff() throws IOException {
        assertEquals("  x\n", render("  {% if true %}x{% endif %}\n", Map.of()));
    }

    @Test
    void valuesPrintAsPython() throws IOException {
        assertEquals("enabled=True list=['a']\n", render("enabled={{ on }} list={{ l }}\n", Map.of("on", true, "l", List.of("a"))));
    }

    @Test
    void plainFilesComeBackAsIs() throws IOException {
        assertEquals("no template here\n\n", render("no template here\n\n", Map.of()));
    }

    @Test
    void undefinedVariablesRaise() {
        assertThrows(UndefinedVariableError.class, () -> render("{{ nope }}\n", Map.of()));
    }

    @Test
    void aMissingFileIsATemplateError() {
        TemplateError e = assertThrows(TemplateError.class, () -> templar.renderFile(dir.resolve("absent.j2"), Map.of()));
        assertEquals(true, e.getMessage().startsWith("Could not read template"));
    }
}
