package cnibench.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Registered results marked unsafe keep template-looking text as text. */
class UnsafeValuesTest {
    private final Templar templar = new Templar();

    @Test
    void unsafeDataIsNeverTemplated() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("result", Templar.unsafe(Map.of("stdout", "{{ nope }}", "stdout_lines", List.of("{% x %}"))));
        assertEquals("{{ nope }}", templar.template("{{ result.stdout }}", vars));
        assertEquals("out: {{ nope }}", templar.template("out: {{ result.stdout }}", vars));
        assertEquals(List.of("{% x %}"), templar.template("{{ result.stdout_lines }}", vars));
        assertEquals(true, templar.evaluateCondition("'nope' in result.stdout", vars));
    }

    @Test
    void unsafenessSurvivesBeingCopiedIntoAnotherVariable() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("result", Templar.unsafe(Map.of("stdout", "{{ nope }}")));
        Object copied = templar.template("{{ result }}", vars);
        vars.put("fact", copied);
        assertEquals("{{ nope }}", templar.template("{{ fact.stdout }}", vars));
    }

    @Test
    void ordinaryDataStillResolvesLazily() {
        Map<String, Object> vars = new HashMap<>(Map.of("x", 1, "plain", Map.of("v", "{{ x }}")));
        assertEquals("1", templar.template("{{ plain.v }}", vars));
    }
}
