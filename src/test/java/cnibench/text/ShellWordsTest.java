package cnibench.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {
    @Test
    void splitsLikeShlex() {
        assertEquals(List.of("echo", "*.yml", "x y", "a b", "c\"d"), ShellWords.split("echo *.yml 'x y' a\\ b \"c\\\"d\""));
        assertEquals(List.of("echo", "hello  world", "a b"), ShellWords.split("echo \"hello  world\" 'a b'"));
        assertEquals(List.of("a", "", "b#c"), ShellWords.split("  a '' b#c  "));
        assertEquals(List.of("x\\y"), ShellWords.split("\"x\\y\""));
        assertEquals(List.of(), ShellWords.split("   "));
    }

    @Test
    void rejectsUnclosedQuotes() {
        assertEquals("No closing quotation", assertThrows(IllegalArgumentException.class, () -> ShellWords.split("echo 'a")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ShellWords.split("echo \"a"));
        assertThrows(IllegalArgumentException.class, () -> ShellWords.split("echo a\\"));
    }

    @Test
    void quotesLikeShlex() {
        assertEquals("nonexistent_xyz arg", ShellWords.join(List.of("nonexistent_xyz", "arg")));
        assertEquals("'a b' '' 'it'\"'\"'s' /x/y.z", ShellWords.join(List.of("a b", "", "it's", "/x/y.z")));
    }
}
