package cnibench.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cnibench.source.SourceError;
import cnibench.template.Templar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import cnibench.module.spi.ModuleRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeywordTypesTest {
    @Test
    void convertsLiteralsAsAnsiblePostValidates() {
        assertEquals(true, KeywordTypes.convert("ignore_errors", "yes"));
        assertEquals(false, KeywordTypes.convert("become", 0));
        assertEquals(3L, KeywordTypes.convert("retries", "3"));
        assertEquals(3L, KeywordTypes.convert("async", 3.7));
        assertEquals(25.0, KeywordTypes.convert("max_fail_percentage", "25%"));
        assertEquals(List.of(1L, "30%", "{{ n }}"), KeywordTypes.convert("serial", List.of(1, "30%", "{{ n }}")));
        assertEquals(List.of(2L), KeywordTypes.convert("serial", "2"));
        assertEquals("5", KeywordTypes.convert("register", 5));
        assertEquals(List.of("x"), KeywordTypes.convert("tags", List.of("x")));
    }

    @Test
    void aTemplatedValueIsNamedAsWritten() {
        var e = assertThrows(IllegalArgumentException.class, () -> KeywordTypes.convert("delay", "x", "{{ d }}"));
        assertEquals("the field 'delay' has an invalid value ({{ d }}), and could not be converted to an int.The error was:"
                + " invalid literal for int() with base 10: 'x'", e.getMessage());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "ignore_errors | [1] | the field 'ignore_errors' has an invalid value ([1]), and could not be converted to an bool.The error was: unhashable type: 'list'",
        "retries | abc | the field 'retries' has an invalid value (abc), and could not be converted to an int.The error was: invalid literal for int() with base 10: 'abc'",
        "serial | {} | the field 'serial' has an invalid value ({}), and could not be converted to an int.The error was: int() argument must be a string, a bytes-like object or a real number, not 'dict'",
        "max_fail_percentage | abc | the field 'max_fail_percentage' has an invalid value (abc), and could not be converted to an percent.The error was: could not convert string to float: 'abc'",
        "register | [a] | The field 'register' is supposed to be a string type, however the incoming data structure is a <class 'ansible.parsing.yaml.objects.AnsibleSequence'>",
    })
    void refusesAWrongLiteralAtLoadWithItsPosition(String keyword, String value, String message, @TempDir Path dir)
            throws Exception {
        boolean play = keyword.equals("serial") || keyword.equals("max_fail_percentage");
        String yaml = play
                ? "- hosts: localhost\n  " + keyword + ": " + value + "\n  tasks:\n    - debug: msg=hi\n"
                : "- hosts: localhost\n  tasks:\n    - debug: msg=hi\n      " + keyword + ": " + value + "\n";
        Path file = Files.writeString(dir.resolve("p.yml"), yaml);
        SourceError e = assertThrows(SourceError.class, () -> loader().load(file));
        assertEquals(message, e.getMessage());
        assertEquals(play ? 2 : 4, e.position().line());
        assertEquals(play ? 3 : 7, e.position().column());
    }

    @Test
    void aBlockKeywordIsCheckedAndATemplateWaitsForTheRun(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("b.yml"),
                "- hosts: localhost\n  tasks:\n    - block:\n        - debug: msg=hi\n      run_once: maybe\n");
        assertEquals(5, assertThrows(SourceError.class, () -> loader().load(bad)).position().line());
        Path templated = Files.writeString(dir.resolve("t.yml"),
                "- hosts: localhost\n  tasks:\n    - debug: msg=hi\n      retries: '{{ n }}'\n      until: true\n");
        Block block = loader().load(templated).plays().get(0).tasks().get(0);
        assertEquals("{{ n }}", block.allTasks().get(0).ownKeywords().get("retries"));
    }

    private static PlaybookLoader loader() {
        return new PlaybookLoader(ModuleRegistry.load(), new Templar(), List.of());
    }
}
