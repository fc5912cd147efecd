package cnibench.template;

import cnibench.python.PyRepr;
import cnibench.python.PyTuple;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Python repr/str and literal_eval, the two halves of Ansible's text round trip. */
class PythonValuesTest {
    @Test
    void reprMatchesPython() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", Arrays.asList(1, 2.0, null, true, "x'y", "q\"'", "t\n"));
        assertEquals("{'a': [1, 2.0, None, True, \"x'y\", 'q\"\\'', 't\\n']}", PyRepr.repr(m));
        assertEquals("(1,)", PyRepr.repr(new PyTuple(1)));
    }

    @Test
    void floatsPrintAsPython() {
        assertEquals("0.1", PyRepr.formatFloat(0.1));
        assertEquals("3.0", PyRepr.formatFloat(3));
        assertEquals("1e+16", PyRepr.formatFloat(1e16));
        assertEquals("1e-05", PyRepr.formatFloat(0.00001));
        assertEquals("123456.789", PyRepr.formatFloat(123456.789));
    }

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
