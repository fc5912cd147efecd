package cnibench.template;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** checkSyntax rejects what Jinja would not compile, and accepts the rest without rendering. */
class SyntaxCheckTest {
    private final Templar templar = new Templar();

    @ParameterizedTest
    @ValueSource(strings = {
        "{{ x",
        "{{ x }",
        "text {% if x %}",
        "{% if x %}a",
        "{% endif %}",
        "{% foo %}",
        "{{ x | }}",
        "{{ x y }}",
        "{{ }}",
        "{{ x | nosuchfilter }}",
        "{{ x is nosuchtest }}",
        "{% for x in %}{% endfor %}",
        "{% if x > %}a{% endif %}",
        "{{ no_such_function(1) }}",
        "{% macro m() %}m{% endmacro %}{{ n() }}",
    })
    void rejectsInvalidJinja(String text) {
        TemplateError e = assertThrows(TemplateError.class, () -> templar.checkSyntax(text));
        assertTrue(e.getMessage().startsWith("template error while templating string: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("String: " + text), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "plain text",
        "{{ undefined_is_fine_at_load_time }}",
        "{{ {'a': {'b': 1}} }}",
        "{% if x is defined %}{{ x | default('d') }}{% elif y %}y{% else %}z{% endif %}",
        "{% for k, v in d.items() %}{{ loop.index }}{% endfor %}",
        "{% set y = {'a': [1, 2]} %}{{ y }}",
        "{{ x | ansible.builtin.to_json }}",
        "{{ lookup('env', 'HOME') ~ q('items', 1) | string }}",
        "{{ x is version('1.0', '>=') }}",
        "{# comment {{ #}",
        "{{ '}}' }}",
        "{% raw %}{{ not jinja {% endraw %}",
        "{%- if x -%} a {%- endif -%}",
        "{% macro row(k, v=1) %}{{ k }}={{ v }}{% endmacro %}{{ row('a') }}{{ row('b', 2) }}",
        "{% macro outer() %}[{{ caller() }}]{% endmacro %}{% call outer() %}in{% endcall %}",
        "{% from 'lib.j2' import one, two as second %}{{ one() }}{{ second() }}",
        "{% import 'lib.j2' as lib %}{{ lib.helper(1) }}",
    })
    void acceptsValidJinja(String text) {
        assertDoesNotThrow(() -> templar.checkSyntax(text));
    }
}
