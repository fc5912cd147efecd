package cnibench.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** when / failed_when / changed_when / until / assert semantics. */
class ConditionsTest {
    private final Templar templar = new Templar();
    private final Map<String, Object> vars = Map.of(
            "x", 5,
            "mylist", List.of("a", "b"),
            "result", Map.of("rc", 1, "failed", true, "changed", false, "stdout", "ready now"),
            "flag", "false",
            "yes_text", "yes",
            "nothing_here", List.of());

    private boolean when(Object condition) {
        return templar.evaluateCondition(condition, vars);
    }

    @Test
    void bareExpressions() {
        assertTrue(when("x is defined and x > 3"));
        assertFalse(when("x > 5"));
        assertTrue(when("'a' in mylist"));
        assertTrue(when("'c' not in mylist"));
        assertTrue(when("result is failed"));
        assertFalse(when("result is changed"));
        assertTrue(when("result.rc != 0"));
        assertTrue(when("'ready' in result.stdout"));
        assertTrue(when("result.stdout is search('now$')"));
        assertFalse(when("nothing_here"));
        assertTrue(when("mylist | length == 2"));
    }

    @Test
    void booleansAndBlanks() {
        assertTrue(when(true));
        assertFalse(when(false));
        assertFalse(when(""));
    }

    @Test
    void stringTruthIsPythonsNotJinjavas() {
        assertTrue(when("flag"));
        assertTrue(when("flag | length > 0"));
        assertFalse(when("flag | bool"));
        assertFalse(when("not flag"));
        assertEquals("yes", templar.template("{% if flag %}yes{% endif %}", vars));
        assertEquals("yes", templar.template("{{ 'yes' if flag else 'no' }}", vars));
    }

    @Test
    void templatedConditionsAreRenderedFirstThenEvaluated() {
        assertTrue(when("{{ x > 3 }}"));
        assertFalse(when("{{ flag }}"));
        assertTrue(when("{{ x }} == 5"));
        assertTrue(when("{{ yes_text | bool }}"));
    }

    @Test
    void aListHoldsWhenEveryItemHolds() {
        assertTrue(when(List.of("x > 3", true, "'a' in mylist")));
        assertFalse(when(List.of("x > 3", "x > 10")));
    }

    @Test
    void errorsAreReported() {
        assertThrows(TemplateError.class, () -> when("x >"));
        assertThrows(TemplateError.class, () -> when("x is nosuchtest"));
    }
}
