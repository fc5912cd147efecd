package cnibench.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Undefined variables raise and name the variable, except where Jinja lets them through. */
class UndefinedVariablesTest {
    private final Templar templar = new Templar();
    private final Map<String, Object> vars = Map.of("d", Map.of("k", "v"), "l", List.of(1), "n", 3);

    private UndefinedVariableError failure(String template) {
        return assertThrows(UndefinedVariableError.class, () -> templar.template(template, vars));
    }

    @Test
    void anUndefinedVariableAnywhereRaisesNamingIt() {
        UndefinedVariableError e = failure("{{ missing }}");
        assertEquals("'missing' is undefined", e.getMessage());
        assertEquals("missing", e.variable());
        assertEquals("missing", failure("text {{ missing }} text").variable());
        assertEquals("missing", failure("{{ missing | upper }}").variable());
        assertEquals("missing", failure("{{ missing + 1 }}").variable());
        assertEquals("missing", failure("{{ [1, missing] }}").variable());
        assertEquals("missing", failure("{% if missing %}x{% endif %}").variable());
        assertEquals("missing", failure("{% for x in missing %}{% endfor %}").variable());
        assertEquals("missing", failure("{{ 'a' ~ missing }}").variable());
        assertEquals("missing", failure("{{ missing.attr }}").variable());
        assertEquals("missing", failure("{{ lookup('env', missing) }}").variable());
    }

    @Test
    void aMissingDictAttributeUsesAnsiblesMessage() {
        assertEquals("'dict object' has no attribute 'missing'", failure("{{ d.missing }}").getMessage());
        assertEquals("'dict object' has no attribute 'missing'", failure("{{ d['missing'] }}").getMessage());
    }

    @Test
    void aMissingListElementRaises() {
        assertEquals("list object has no element 5", failure("{{ l[5] }}").getMessage());
    }

    @Test
    void testsAndDefaultsAcceptUndefinedValues() {
        assertEquals(false, templar.template("{{ missing is defined }}", vars));
        assertEquals(true, templar.template("{{ missing is undefined }}", vars));
        assertEquals("x", templar.template("{{ missing | default('x') }}", vars));
        assertEquals("x", templar.template("{{ missing | d('x') }}", vars));
        assertEquals("x", templar.template("{{ missing.y | default('x') }}", vars));
        assertEquals("x", templar.template("{{ d.missing | default('x') }}", vars));
        assertEquals("x", templar.template("{{ d['missing'] | default('x') }}", vars));
        assertEquals("no", templar.template("{% if missing is defined %}yes{% else %}no{% endif %}", vars));
        assertEquals(false, templar.template("{{ missing is defined and missing > 3 }}", vars));
        assertEquals("v", templar.template("{{ d.k | default(other_missing) }}", vars));
        assertEquals(true, templar.template("{{ d.missing.deeper is undefined }}", vars));
    }

    @Test
    void mandatoryNamesTheVariable() {
        TemplateError e = assertThrows(TemplateError.class, () -> templar.template("{{ missing | mandatory }}", vars));
        assertEquals("Mandatory variable 'missing'  not defined.", e.getMessage());
        TemplateError custom = assertThrows(TemplateError.class,
                () -> templar.template("{{ missing | mandatory('set it') }}", vars));
        assertEquals("set it", custom.getMessage());
    }

    @Test
    void aVariableWhoseValueUsesAnUndefinedOneIsUndefined() {
        Map<String, Object> lazy = Map.of("a", "{{ nowhere }}");
        assertEquals(false, templar.template("{{ a is defined }}", lazy));
        UndefinedVariableError e = assertThrows(UndefinedVariableError.class, () -> templar.template("{{ a }}", lazy));
        assertEquals("nowhere", e.variable());
    }

    @Test
    void conditionsRaiseOnUndefined() {
        assertEquals("missing", assertThrows(UndefinedVariableError.class,
                () -> templar.evaluateCondition("missing", vars)).variable());
        assertEquals("missing", assertThrows(UndefinedVariableError.class,
                () -> templar.evaluateCondition("missing == 3", vars)).variable());
        assertTrue(templar.evaluateCondition("missing is not defined", vars));
    }
}
