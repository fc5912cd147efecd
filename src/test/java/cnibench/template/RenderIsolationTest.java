package cnibench.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Renders share one interpreter per thread (a fresh scope each): nothing of one render reaches the next,
 * and a template rendered inside another sees only its own variables, as in Ansible (outputs recorded from
 * ansible-core 2.14).
 */
class RenderIsolationTest {
    private final Templar templar = new Templar();

    @Test
    void aVariableRenderedInsideALoopDoesNotSeeTheLoopVariable() {
        Map<String, Object> vars = Map.of("inner", "{{ x | default('none') }}");
        assertEquals("nonenone", templar.template("{% for x in [1, 2] %}{{ inner }}{% endfor %}", vars));
    }

    @Test
    void whatOneRenderSetsIsGoneInTheNext() {
        assertEquals("5", templar.template("{% set y = 5 %}{{ y }}", Map.of()));
        assertEquals("unset", templar.template("{{ y | default('unset') }}", Map.of()));
        assertEquals("1,2", templar.template("{% for i in [1, 2] %}{% set last = i %}{% endfor %}1,{{ 2 }}", Map.of()));
        assertEquals("unset", templar.template("{{ last | default('unset') }}", Map.of()));
    }

    @Test
    void aFailedRenderLeavesNoErrorBehind() {
        UndefinedVariableError e = assertThrows(UndefinedVariableError.class, () -> templar.template("{{ nope }}", Map.of()));
        assertEquals("nope", e.variable());
        assertEquals("a-1", templar.template("{{ 'a' }}-{{ n }}", Map.of("n", 1)));
        assertEquals("2", String.valueOf(templar.template("{{ n + 1 }}", Map.of("n", 1))));
        assertEquals(true, templar.evaluateCondition("n == 1", Map.of("n", 1)));
    }

    @Test
    void aSyntaxErrorLeavesTheParserClean() {
        assertThrows(TemplateError.class, () -> templar.checkSyntax("{{ x | }}"));
        templar.checkSyntax("{{ x | default(1) }}");
        assertEquals("1", String.valueOf(templar.template("{{ x | default(1) }}", Map.of())));
    }
}
