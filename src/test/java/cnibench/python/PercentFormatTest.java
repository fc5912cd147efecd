package cnibench.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected values are what Python 3.11's `format % args` gives. */
class PercentFormatTest {
    @Test
    void formatsAsPython() {
        assertEquals("a-003.1|7   |'q'|ff", PercentFormat.format("%s-%05.1f|%-4d|%r|%x", new PyTuple("a", 3.14159, 7, "q", 255)));
        assertEquals("k=2", PercentFormat.format("%(n)s=%(v)d", Map.of("n", "k", "v", 2)));
        assertEquals("1.234568E+04", PercentFormat.format("%E", 12345.678));
        assertEquals("A%", PercentFormat.format("%c%%", 65));
    }

    @Test
    void failsWithPythonsTypeErrors() {
        assertEquals("%d format: a real number is required, not str",
                assertThrows(PythonError.class, () -> PercentFormat.format("%d", "x")).getMessage());
        assertEquals("%x format: an integer is required, not str",
                assertThrows(PythonError.class, () -> PercentFormat.format("%x", "x")).getMessage());
        assertEquals("must be real number, not str", assertThrows(PythonError.class, () -> PercentFormat.format("%f", "x")).getMessage());
        assertEquals("not enough arguments for format string",
                assertThrows(PythonError.class, () -> PercentFormat.format("%s %s", new PyTuple("a"))).getMessage());
        assertEquals("not all arguments converted during string formatting",
                assertThrows(PythonError.class, () -> PercentFormat.format("%s", new PyTuple("a", "b"))).getMessage());
    }
}
