package cnibench.module.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PythonTextTest {
    @Test
    void formatsDatetimeAndTimedelta() {
        assertEquals("2026-11-25 13:15:44.993669", PythonText.datetime(LocalDateTime.of(2026, 11, 25, 13, 15, 44, 993_669_000)));
        assertEquals("2026-11-25 13:15:44", PythonText.datetime(LocalDateTime.of(2026, 11, 25, 13, 15, 44)));
        assertEquals("0:00:00.011378", PythonText.timedelta(Duration.ofNanos(11_378_000)));
        assertEquals("1:02:03", PythonText.timedelta(Duration.ofSeconds(3723)));
        assertEquals("2 days, 0:00:01.500000", PythonText.timedelta(Duration.ofDays(2).plusMillis(1500)));
    }

    @Test
    void splitsLinesLikePython() {
        assertEquals(List.of("a", "", ""), PythonText.splitlines("a\n\n\n"));
        assertEquals(List.of("a", "b", "c"), PythonText.splitlines("a\r\nb\rc"));
        assertEquals(List.of(), PythonText.splitlines(""));
        assertEquals("a", PythonText.stripLineEnds("a\r\n\n"));
    }
}
