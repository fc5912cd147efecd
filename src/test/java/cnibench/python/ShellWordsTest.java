package cnibench.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values are what Python 3.11's shlex returns for the same input. */
class ShellWordsTest {
    @Test
    void splitsAsShlexDoes() {
        assertEquals(List.of("iperf3", "-c", "10.0.0.1", "-J"), ShellWords.split("  iperf3 -c 10.0.0.1   -J "));
        assertEquals(List.of("sh", "-c", "echo \"$HOME\" it's"), ShellWords.split("sh -c 'echo \"$HOME\" it'\\''s'"));
        assertEquals(List.of("echo", "*.yml", "x y", "a b", "c\"d"), ShellWords.split("echo *.yml 'x y' a\\ b \"c\\\"d\""));
        assertEquals(List.of("", "x"), ShellWords.split("'' x"));
        assertEquals(List.of(), ShellWords.split("   "));
    }

    @Test
    void insideDoubleQuotesABackslashEscapesOnlyBackslashAndQuote() {
        // shlex is not a POSIX shell: "b\$c" keeps its backslash (the shell would drop it)
        assertEquals(List.of("a", "b\\$c", "d"), ShellWords.split("a \"b\\$c\" d"));
        assertEquals(List.of("x\\y"), ShellWords.split("\"x\\y\""));
    }

    @Test
    void whitespaceIsOnlySpaceTabAndLineBreaks() {
        assertEquals(List.of("a\u000bb"), ShellWords.split("a\u000bb"));
    }

    @Test
    void commentsEndTheLineOnlyWhenAsked() {
        assertEquals(List.of("x#y", "z"), ShellWords.split("x#y z"));
        assertEquals(List.of(new ShellWords.Word("x", 0)), ShellWords.splitWithComments("x#y z"));
        assertEquals(List.of(new ShellWords.Word("web1", 0), new ShellWords.Word("ansible_host=10.0.0.1", 5)),
                ShellWords.splitWithComments("web1 ansible_host=10.0.0.1 # comment"));
    }

    @Test
    void failsWithShlexMessages() {
        assertEquals("No closing quotation", assertThrows(PythonError.class, () -> ShellWords.split("echo 'a")).getMessage());
        assertEquals("No closing quotation", assertThrows(PythonError.class, () -> ShellWords.split("echo \"a")).getMessage());
        assertEquals("No escaped character", assertThrows(PythonError.class, () -> ShellWords.split("echo a\\")).getMessage());
    }

    @Test
    void joinsAsShlexDoes() {
        assertEquals("nonexistent_xyz arg", ShellWords.join(List.of("nonexistent_xyz", "arg")));
        // shlex.quote's safe characters are ASCII only: 'é' is quoted
        assertEquals("'a b' '' 'it'\"'\"'s' /x/y.z 'é'", ShellWords.join(List.of("a b", "", "it's", "/x/y.z", "é")));
    }
}
