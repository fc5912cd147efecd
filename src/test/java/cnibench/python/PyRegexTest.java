package cnibench.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Expected values are what Python 3.11's re gives for the same pattern, text and template. */
class PyRegexTest {
    @Test
    void readsPythonPatternSyntax() {
        assertEquals("f[o]", PyRegex.compile("(?P<x>o)(?P=x)", 0).matcher("foo").replaceAll("[$1]"));
        assertEquals(List.of("a"), findall("a\\Z", "a\na", 0));
        assertEquals(List.of("a"), findall("a$", "a\n", 0));
        // an escaped parenthesis is not the start of a group
        assertEquals("P?P<", PyRegex.compile("\\(", 0).matcher("(?P<").replaceAll("P"));
    }

    @Test
    void onlyNewlineEndsALineAndWordsAreUnicode() {
        assertEquals(List.of("x\ry"), findall("x.y", "x\ry", 0));
        assertEquals(List.of(), findall("a$", "a\r\nb", Pattern.MULTILINE));
        assertEquals(List.of("é", "ü_1"), findall("\\w+", "é ü_1", 0));
    }

    @Test
    void expandsTemplatesAsMatchExpand() {
        Matcher m = matched("(a)(b)?(?P<n>c)", "ac");
        assertEquals("a-c--", PyRegex.expand(m, "\\1-\\g<n>-\\g<2>-\\2"));
        assertEquals("\n\t\r\\", PyRegex.expand(m, "\\n\\t\\r\\\\"));
        assertEquals("x\u0000y", PyRegex.expand(m, "x\\0y"));
        assertEquals("?7", PyRegex.expand(m, "\\0777"));
        assertEquals("Ax", PyRegex.expand(m, "\\101x"));
        assertEquals("\\-", PyRegex.expand(m, "\\-"));
        assertEquals("l j", PyRegex.expand(matched("(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)", "abcdefghijkl"), "\\12 \\10"));
    }

    @Test
    void badTemplatesFailWithReErrors() {
        Matcher m = matched("(a)", "a");
        assertEquals("invalid group reference 12 at position 1", expandError(m, "\\12"));
        assertEquals("invalid group reference 9 at position 3", expandError(m, "\\g<9>"));
        assertEquals("bad escape \\q at position 0", expandError(m, "\\q"));
        assertEquals("bad escape (end of pattern) at position 0", expandError(m, "\\"));
        assertEquals("missing group name at position 3", expandError(m, "\\g<>"));
        assertEquals("missing >, unterminated name at position 3", expandError(m, "\\g<x"));
        assertEquals("octal escape value \\400 outside of range 0-0o377 at position 0", expandError(m, "\\400"));
    }

    @Test
    void escapesOnlySpecialCharacters() {
        assertEquals("a\\.b\\ c\\-d\\#é_1", PyRegex.escape("a.b c-d#é_1"));
    }

    private static List<String> findall(String regex, String text, int flags) {
        return PyRegex.compile(regex, flags).matcher(text).results().map(r -> r.group()).toList();
    }

    private static Matcher matched(String regex, String text) {
        Matcher m = PyRegex.compile(regex, 0).matcher(text);
        m.find();
        return m;
    }

    private static String expandError(Matcher m, String template) {
        return assertThrows(PythonError.class, () -> PyRegex.expand(m, template)).getMessage();
    }
}
