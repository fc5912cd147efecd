package cnibench.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Variables holding templates are rendered when used, recursively. */
class LazyVariablesTest {
    private final Templar templar = new Templar();

    @Test
    void aVariableIsRenderedWhenUsed() {
        Map<String, Object> vars = Map.of("a", "{{ b }}-x", "b", 5);
        assertEquals("5-x", templar.template("{{ a }}", vars));
        assertEquals("5-x!", templar.template("{{ a }}!", vars));
    }

    @Test
    void chainsResolveThroughSeveralLevels() {
        Map<String, Object> vars = Map.of("a", "{{ b }}", "b", "{{ c }}", "c", "{{ d | upper }}", "d", "deep");
        assertEquals("DEEP", templar.template("{{ a }}", vars));
    }

    @Test
    void nativeTypesSurviveLazyResolution() {
        Map<String, Object> vars = Map.of("c", "{{ [1, 2] }}", "d", "{{ {'k': n} }}", "n", 4, "alias", "{{ n }}");
        assertEquals("2", templar.template("{{ c | length }}", vars));
        assertEquals("5", templar.template("{{ d.k + 1 }}", vars));
        assertEquals("4", templar.template("{{ alias }}", vars));
        assertEquals("int", templar.template("{{ alias | type_debug }}", vars));
        assertEquals(List.of(1, 2), templar.template("{{ c }}", vars));
    }

    @Test
    void templatesInsideStructuredValuesResolve() {
        Map<String, Object> vars = Map.of("cfg", Map.of("port", "{{ base + 1 }}", "hosts", List.of("{{ name }}")),
                "base", 8000, "name", "web");
        assertEquals("8001", templar.template("{{ cfg.port }}", vars));
        assertEquals("web", templar.template("{{ cfg.hosts[0] }}", vars));
    }

    @Test
    void aSelfReferenceLoopIsReported() {
        Map<String, Object> vars = Map.of("a", "{{ b }}", "b", "{{ a }}");
        TemplateError e = assertThrows(TemplateError.class, () -> templar.template("{{ a }}", vars));
        assertTrue(e.getMessage().startsWith("recursive loop detected in template string: {{ "), e.getMessage());
        TemplateError self = assertThrows(TemplateError.class, () -> templar.template("{{ x }}", Map.of("x", "{{ x }}")));
        assertEquals("recursive loop detected in template string: {{ x }}", self.getMessage());
    }

    @Test
    void theCallersMapIsLeftAlone() {
        Map<String, Object> vars = new HashMap<>(Map.of("a", "{{ b }}", "b", 1));
        templar.template("{{ a }}", vars);
        assertEquals(Map.of("a", "{{ b }}", "b", 1), vars);
    }

    @Test
    void lazyValuesWorkInConditions() {
        Map<String, Object> vars = Map.of("enabled", "{{ mode == 'on' }}", "mode", "on");
        assertEquals(true, templar.evaluateCondition("enabled", vars));
        assertEquals(true, templar.evaluateCondition("enabled | bool", vars));
    }
}
