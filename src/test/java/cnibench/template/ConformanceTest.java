package cnibench.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Conformance cases that do not fit on one line of the oracle tables: templates with real
 * newlines, YAML escaping, conditions, loop and set names; expectations from ansible-core 2.14.
 */
class ConformanceTest {
    private final Templar templar = new Templar();
    private final Map<String, Object> vars = Map.of(
            "pair", List.of(1, Map.of("name", "x")),
            "nums", List.of(3, 1, 2),
            "empty", "");

    @Test
    void fromYamlAllReadsAStringLiteralHoldingRealNewlines() {
        assertEquals(List.of(Map.of("a", 1), Map.of("b", 2)),
                templar.template("{{ 'a: 1\n---\nb: 2' | from_yaml_all | list }}", vars));
    }

    @Test
    void aPatternWrittenInAYamlDoubleQuotedStringKeepsItsSingleBackslash() {
        // YAML "{{ 'a b' | regex_findall('\\S+') }}" is the template text below.
        assertEquals(List.of("a", "b"), templar.template("{{ 'a b' | regex_findall('\\S+') }}", vars));
        // The same characters in a plain scalar keep both backslashes: a literal backslash, no match.
        assertEquals(List.of(), templar.template("{{ 'a b' | regex_findall('\\\\S+') }}", vars));
        assertEquals(List.of("v1"), templar.template("{{ 'k=v1' | regex_search('(\\w+)=(\\w+)', '\\2') }}", vars));
    }

    @Test
    void conditionsIndexWithDotsAndCompareDeeply() {
        assertTrue(templar.evaluateCondition("pair.0 == 1 and pair.1.name is search('x')", vars));
        assertTrue(templar.evaluateCondition("nums == [3, 1, 2] and nums | sort == [1, 2, 3]", vars));
        assertFalse(templar.evaluateCondition("'1' == 1 or '3' in nums", vars));
        assertTrue(templar.evaluateCondition("empty | default('d') is not none and empty == ''", vars));
    }

    @Test
    void jinjavaKeywordsWorkAsLoopSetAndKeyNames() {
        assertEquals("12", templar.template("{% for div in [1, 2] %}{{ div }}{% endfor %}", vars));
        assertEquals("e", templar.template("{% set empty = 'e' %}{{ empty }}", vars));
        assertEquals("3", templar.template("{{ {'empty': 3}.empty }}", vars));
        assertEquals("True False", templar.template("{{ 7 is eq 7 }} {{ 7 is lt 7 }}", vars));
    }

    @Test
    void groupsExposeGrouperAndList() {
        Map<String, Object> teams = Map.of("teams", List.of(Map.of("n", "a", "t", "x"), Map.of("n", "b", "t", "y")));
        assertEquals("x:1 y:1 ", templar.template(
                "{% for g in teams | groupby('t') %}{{ g.grouper }}:{{ g.list | length }} {% endfor %}", teams));
    }
}
