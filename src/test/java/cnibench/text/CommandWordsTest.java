package cnibench.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandWordsTest {
    @Test
    void splitsAsShlexDoes() {
        assertEquals(List.of("iperf3", "-c", "10.0.0.1", "-J"), ShellWords.split("  iperf3 -c 10.0.0.1   -J "));
        assertEquals(List.of("sh", "-c", "echo \"$HOME\" it's"), ShellWords.split("sh -c 'echo \"$HOME\" it'\\''s'"));
        assertEquals(List.of("a b", "c\"d", "e f"), ShellWords.split("\"a b\" \"c\\\"d\" e\\ f"));
        assertEquals(List.of("", "x"), ShellWords.split("'' x"));
        assertThrows(IllegalArgumentException.class, () -> ShellWords.split("echo 'open"));
    }
}
