package cnibench.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Expected values are str(datetime.strptime(text, format)) in Python 3.11. */
class StrptimeTest {
    @Test
    void parsesAndPrintsAsPython() {
        assertEquals("2024-03-05 07:08:09", Strptime.parse("2024-03-05 07:08:09", "%Y-%m-%d %H:%M:%S").toString());
        assertEquals("2024-03-05 07:08:00", Strptime.parse("24-03-05T07:08", "%y-%m-%dT%H:%M").toString());
        assertEquals("2024-03-05 07:08:09.500000", Strptime.parse("2024-03-05 07:08:09.500000", "%Y-%m-%d %H:%M:%S.%f").toString());
    }

    @Test
    void mismatchIsPythonsValueError() {
        assertEquals("time data '2024/03/05' does not match format '%Y-%m-%d'",
                assertThrows(PythonError.class, () -> Strptime.parse("2024/03/05", "%Y-%m-%d")).getMessage());
    }
}
