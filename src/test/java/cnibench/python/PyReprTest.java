package cnibench.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected values are Python 3.11's repr() and type().__name__ of the same values. */
class PyReprTest {
    @Test
    void reprMatchesPython() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", Arrays.asList(1, 2.0, null, true, "x'y", "q\"'", "t\n", "\u0001"));
        assertEquals("{'a': [1, 2.0, None, True, \"x'y\", 'q\"\\'', 't\\n', '\\x01']}", PyRepr.repr(m));
        assertEquals("(1,)", PyRepr.repr(new PyTuple(1)));
        assertEquals("()", PyRepr.repr(new PyTuple()));
    }

    @Test
    void strLeavesTextAloneAndReprsTheRest() {
        assertEquals("it's", PyRepr.str("it's"));
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("key", "a");
        item.put("value", 1);
        assertEquals("{'key': 'a', 'value': 1}", PyRepr.str(item));
        assertEquals("[1e+16, 1e-05, 0.1, 123456.789, inf]", PyRepr.str(List.of(1e16, 1e-5, 0.1, 123456.789, Double.POSITIVE_INFINITY)));
    }

    @Test
    void floatsPrintAsPython() {
        assertEquals("0.1", PyRepr.formatFloat(0.1));
        assertEquals("3.0", PyRepr.formatFloat(3));
        assertEquals("1e+16", PyRepr.formatFloat(1e16));
        assertEquals("1e-05", PyRepr.formatFloat(0.00001));
        assertEquals("123456.789", PyRepr.formatFloat(123456.789));
        assertEquals("100.0", PyRepr.formatFloat(100));
        assertEquals("-0.0", PyRepr.formatFloat(-0.0));
        // Java writes 1.0E-4; the plain form must drop the trailing zero
        assertEquals("0.0001", PyRepr.formatFloat(0.0001));
    }

    @Test
    void typeNamesMatchPython() {
        List<Object> values = Arrays.asList(null, true, 1.5, 1, "x", Map.of(), List.of(), new PyTuple(1));
        assertEquals(List.of("NoneType", "bool", "float", "int", "str", "dict", "list", "tuple"),
                values.stream().map(PyTypeName::of).toList());
    }
}
