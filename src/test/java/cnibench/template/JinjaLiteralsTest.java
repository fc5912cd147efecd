package cnibench.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Jinja's lexer and parser where Jinjava's differ: adjacent string literals, parentheses around a dict, now(). */
class JinjaLiteralsTest {
    private final Templar templar = new Templar();

    private Object render(String text) {
        return templar.template(text, Map.of());
    }

    @Test
    void adjacentStringLiteralsAreOne() {
        assertEquals("ab", render("{{ 'a' 'b' }}"));
        assertEquals("AB", render("{{ 'a' 'b' | upper }}"));
        assertEquals("ab", render("{{ 'a' \"b\" }}"));
        assertEquals("a b", render("{{ 'a' }} {{ 'b' }}"));
    }

    @Test
    void parenthesesAroundADictAreNoTuple() {
        assertEquals(List.of("b", "a"), render("{{ ({'b': 1, 'a': 2} | list) }}"));
        assertEquals("2", String.valueOf(render("{{ ({'b': 1, 'a': 2} | length) }}"))); // a lone number is text in 2.14
        assertEquals("(1, 2)", String.valueOf(render("{{ (1, 2) | string }}")));
    }

    @Test
    void nowIsADatetimeOrFormatted() {
        assertTrue(Integer.parseInt(String.valueOf(render("{{ now().year }}"))) >= 2024);
        assertTrue(String.valueOf(render("{{ now(utc=true, fmt='%Y-%m-%d') }}")).matches("\\d{4}-\\d\\d-\\d\\d"));
    }
}
