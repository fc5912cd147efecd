package cnibench.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Result types follow Ansible 2.14 (non-native Jinja with its literal_eval of the output). */
class NativeTypesTest {
    private final Templar templar = new Templar();
    private final Map<String, Object> vars = new HashMap<>(Map.of(
            "b", 5, "f", 1.5, "t", true, "l", List.of(1, 2), "m", Map.of("k", "v"), "s", "text"));

    private Object render(Object value) {
        return templar.template(value, vars);
    }

    @Test
    void aLoneVariableOfNumberOrBoolKeepsItsType() {
        assertEquals(5, render("{{ b }}"));
        assertEquals(5, render("{{b}}"));
        assertEquals(1.5, render("{{ f }}"));
        assertEquals(true, render("{{ t }}"));
    }

    @Test
    void computedNumbersBecomeTextAsInAnsible() {
        assertEquals("6", render("{{ b + 1 }}"));
        assertEquals("2", render("{{ l | length }}"));
        assertEquals(" 5 ", render(" {{ b }} "));
    }

    @Test
    void listsDictsAndBoolsStayData() {
        assertEquals(List.of(1, 2), render("{{ l }}"));
        assertEquals(Map.of("k", "v"), render("{{ m }}"));
        assertEquals(true, render("{{ b > 3 }}"));
        assertEquals(List.of(1, 2, 3), render("{{ l + [3] }}"));
    }

    @Test
    void textThatReadsAsDataIsConvertedBack() {
        assertEquals(List.of(5, 2), render("[{{ b }}, 2]"));
        assertEquals(List.of(1, 2), render("{{ '[1, 2]' }}"));
        assertEquals(true, render("{{ 'True' }}"));
        assertEquals(Map.of("a", true), render("{\"a\": {{ 'true' }}}"));
        assertEquals("[not data", render("[not {{ 'data' }}"));
    }

    @Test
    void stringTypeFiltersStayText() {
        assertEquals("{\"k\": \"v\"}", render("{{ m | to_json }}"));
        assertEquals("[1, 2]", render("{{ l | string }}"));
        assertEquals("('a', 1)", render("{{ ('a', 1) }}"));
    }

    @Test
    void noneRendersEmptyButANullVariableStaysNull() {
        vars.put("nothing", null);
        assertEquals("", render("{{ none }}"));
        assertEquals("x", render("x{{ nothing }}"));
        assertNull(render("{{ nothing }}"));
    }

    @Test
    void nestedStructuresAreTemplatedIncludingKeys() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("{{ s }}", List.of("{{ b }}", "plain", 3));
        assertEquals(Map.of("text", List.of(5, "plain", 3)), render(value));
    }

    @Test
    void nonTemplatesComeBackUnchanged() {
        String plain = "[1, 2]";
        assertSame(plain, render(plain));
        assertEquals(7, render(7));
        assertNull(render(null));
    }

    @Test
    void trailingNewlinesOfTheTemplateAreKept() {
        assertEquals("a text\n\n", render("a {{ s }}\n\n"));
    }

    @Test
    void textRendersPythonStyle() {
        assertEquals("x['a', 1, True, None, 1.0]", render("x{{ ['a', 1, true, none, 1.0] }}"));
        assertEquals("x{'k': 'v'}", render("x{{ m }}"));
        assertEquals("True/False", render("{{ t }}/{{ not t }}"));
        assertEquals("it's", render("{{ \"it's\" }}"));
        assertEquals("x[\"it's\"]", render("x{{ [\"it's\"] }}"));
    }

    @Test
    void integersComeBackAsTheYamlLoaderTypes() {
        assertEquals(List.of(0, 1, 2), render("{{ range(3) | list }}"));
        assertEquals(Integer.class, ((List<?>) render("{{ [1] }}")).get(0).getClass());
    }

    @Test
    void omitIsAlwaysDefined() {
        assertEquals(Templar.OMIT, render("{{ omit }}"));
        assertEquals(Templar.OMIT, render("{{ undefined_thing | default(omit) }}"));
    }

    @Test
    void dictLiteralsWithNestedBracesParse() {
        assertEquals(Map.of("a", Map.of("b", 1)), render("{{ {'a': {'b': 1}} }}"));
        assertEquals(Map.of("a", Map.of("x", 1, "y", 2)),
                render("{{ {'a': {'x': 1}} | combine({'a': {'y': 2}}, recursive=True) }}"));
    }

    @Test
    void rawBlocksAndWhitespaceControl() {
        assertEquals("{{ b }}", render("{% raw %}{{ b }}{% endraw %}"));
        assertEquals("a5b", render("a {{- b -}} b"));
    }

    @Test
    void backslashesInExpressionStringsAreKeptAsWritten() {
        assertEquals("a-b", render("{{ 'a.b' | regex_replace('\\.', '-') }}"));
        assertEquals("ba", render("{{ 'ab' | regex_replace('(a)(b)', '\\2\\1') }}"));
    }
}
