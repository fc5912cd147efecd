package cnibench.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lookup()/query()/q() and the lookup plugins; expectations recorded from ansible-core 2.14. */
class LookupsTest {
    @TempDir
    Path playbookDir;
    @TempDir
    Path roleDir;

    private final Templar templar = new Templar();
    private final Map<String, Object> vars = new HashMap<>();

    @BeforeEach
    void layout() throws IOException {
        Files.createDirectories(playbookDir.resolve("files"));
        Files.createDirectories(playbookDir.resolve("templates"));
        Files.writeString(playbookDir.resolve("files/a.txt"), "hello\n\n");
        Files.writeString(playbookDir.resolve("b.txt"), "b\n");
        Files.writeString(playbookDir.resolve("templates/t.j2"), "v={{ x }}\n");
        Files.writeString(playbookDir.resolve("files/g1.cfg"), "x1");
        Files.writeString(playbookDir.resolve("files/g2.cfg"), "x2");
        vars.put("playbook_dir", playbookDir.toString());
        vars.put("x", 3);
        vars.put("d", Map.of("a", 1));
    }

    private Object render(String template) {
        return templar.template(template, vars);
    }

    @Test
    void fileLooksInFilesThenTheDirectoryAndStripsTrailingWhitespace() {
        assertEquals("hello", render("{{ lookup('file', 'a.txt') }}"));
        assertEquals("b", render("{{ lookup('file', 'b.txt') }}"));
        assertEquals(List.of("hello"), render("{{ lookup('file', 'a.txt', wantlist=True) }}"));
        assertEquals("hello", render("{{ lookup('file', '" + playbookDir.resolve("files/a.txt") + "') }}"));
        TemplateError e = assertThrows(TemplateError.class, () -> render("{{ lookup('file', 'nope.txt') }}"));
        assertEquals("could not locate file in lookup: nope.txt", e.getMessage());
    }

    @Test
    void theSearchPathComesBeforeThePlaybookDir() throws IOException {
        Files.createDirectories(roleDir.resolve("files"));
        Files.writeString(roleDir.resolve("files/a.txt"), "from role");
        vars.put("ansible_search_path", List.of(roleDir.toString(), playbookDir.toString()));
        assertEquals("from role", render("{{ lookup('file', 'a.txt') }}"));
        assertEquals("b", render("{{ lookup('file', 'b.txt') }}"));
    }

    @Test
    void templateRendersWithTheCurrentVariablesAndKeepsTheNewline() {
        assertEquals("v=3\n", render("{{ lookup('template', 't.j2') }}"));
        assertEquals("v=9\n", render("{{ lookup('template', 't.j2', template_vars={'x': 9}) }}"));
    }

    @Test
    void pipeAndLinesRunACommand() {
        assertEquals("hi\nthere", render("{{ lookup('pipe', 'echo hi; echo there') }}"));
        assertEquals(List.of("a", "b"), render("{{ q('lines', 'printf \"a\\nb\\n\"') }}"));
    }

    @Test
    void varsReturnsTheTemplatedValue() {
        vars.put("lazy", "{{ x + 1 }}");
        assertEquals("3", render("{{ lookup('vars', 'x') }}"));
        assertEquals("4", render("{{ lookup('vars', 'lazy') }}"));
        assertEquals("dflt", render("{{ lookup('vars', 'nope', default='dflt') }}"));
        assertThrows(TemplateError.class, () -> render("{{ lookup('vars', 'nope') }}"));
    }

    @Test
    void firstFoundTakesFilesAndPaths() {
        assertEquals("b.txt", render("{{ lookup('first_found', ['nope.txt', 'b.txt']) | basename }}"));
        assertEquals("a.txt", render("{{ lookup('first_found', {'files': ['a.txt'], 'paths': ['files']}) | basename }}"));
        assertEquals(List.of(), render("{{ lookup('first_found', ['nope'], skip=True) }}"));
        TemplateError e = assertThrows(TemplateError.class, () -> render("{{ lookup('first_found', ['nope']) }}"));
        assertEquals("No file was found when using first_found.", e.getMessage());
    }

    @Test
    void fileglobMatchesInFiles() {
        assertEquals(List.of("g1.cfg", "g2.cfg"), render("{{ lookup('fileglob', '*.cfg') | split(',') | map('basename') | list }}"));
        assertEquals(List.of(), render("{{ query('fileglob', '*.none') }}"));
    }

    @Test
    void itemsDictAndSequence() {
        assertEquals(List.of(1, List.of(2, 3)), render("{{ lookup('items', [1, [2, 3]]) }}"));
        assertEquals("a,b", render("{{ lookup('items', ['a', 'b']) }}"));
        assertEquals(List.of(1, 2), render("{{ query('items', 1, 2) }}"));
        assertEquals(Map.of("key", "a", "value", 1), render("{{ lookup('dict', d) }}"));
        assertEquals("h01,h02,h03", render("{{ lookup('sequence', 'start=1 end=3 format=h%02d') }}"));
        assertEquals(List.of("0", "5", "10"), render("{{ query('sequence', 'start=0 end=10 stride=5') }}"));
        assertEquals("1,2", render("{{ lookup('sequence', 'count=2') }}"));
        assertEquals("4,5,6", render("{{ lookup('sequence', '4-6') }}"));
    }

    @Test
    void envWithDefault() {
        assertEquals(System.getenv("HOME"), render("{{ lookup('env', 'HOME') }}"));
        assertEquals("dflt", render("{{ lookup('env', 'CNIBENCH_NOT_SET_ANYWHERE', default='dflt') }}"));
    }

    @Test
    void fullyQualifiedNamesAndErrorsOption() {
        assertEquals("b", render("{{ lookup('ansible.builtin.file', 'b.txt') }}"));
        assertEquals("", render("{{ lookup('file', 'nope.txt', errors='ignore') }}"));
        assertEquals(List.of(), render("{{ query('file', 'nope.txt', errors='ignore') }}"));
        TemplateError e = assertThrows(TemplateError.class, () -> render("{{ lookup('nosuch', 'x') }}"));
        assertEquals("lookup plugin (nosuch) not found", e.getMessage());
    }

    @Test
    void withLoopsRunLookupsThroughTheJavaApi() {
        assertEquals(List.of("1", "3", "5"), Lookups.query("sequence", List.of("start=1 end=5 stride=2"), Map.of(), vars));
        assertEquals(List.of("node01", "node02"), Lookups.query("sequence", List.of("count=2 format=node%02d"), Map.of(), vars));
        assertEquals(List.of("hello"), Lookups.query("file", List.of("a.txt"), Map.of(), vars));
        assertEquals(List.of(), Lookups.query("file", List.of("nope.txt"), Map.of("errors", "ignore"), vars));
    }
}
