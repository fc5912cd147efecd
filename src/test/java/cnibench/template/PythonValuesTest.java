package cnibench.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Python's literal_eval, as Ansible reads text back into values (repr is cnibench.python.PyRepr). */
class PythonValuesTest {
    @Test
    void literalEvalReadsPythonAndJson() {
        assertEquals(List.of(1, "a", true), PythonLiteral.parseOr("[1, 'a', True]", null));
        assertEquals(Map.of("k", Arrays.asList(null, false)), PythonLiteral.parseOr("{\"k\": [null, false]}", null));
        assertEquals(List.of(List.of(1, 2)), PythonLiteral.parseOr("[(1, 2)]", null));
        assertEquals(1.5, PythonLiteral.parseOr("1.5", null));
        assertEquals("fallback", PythonLiteral.parseOr("[1, a]", "fallback"));
        assertEquals("fallback", PythonLiteral.parseOr("[1] x", "fallback"));
    }
}
