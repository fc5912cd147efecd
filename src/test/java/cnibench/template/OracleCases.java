package cnibench.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Expected values recorded from ansible-core 2.14 (oracle/regenerate.py): each case is a template
 * and what Ansible's debug printed for it with oracle/vars.yml, or that it failed.
 */
final class OracleCases {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Templar TEMPLAR = new Templar();
    private static final Map<String, Object> VARS = loadVars();

    private OracleCases() {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> loadVars() {
        try (InputStream in = OracleCases.class.getResourceAsStream("oracle/vars.yml")) {
            return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> load(String family) {
        try (InputStream in = OracleCases.class.getResourceAsStream("oracle/" + family + ".tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.isBlank()).map(line -> {
                int tab = line.lastIndexOf('\t');
                return Arguments.of(line.substring(0, tab), line.substring(tab + 1));
            }).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Renders the template and compares with Ansible's result (numbers compared by value). */
    static void check(String template, String expectedJson) throws IOException {
        JsonNode expected = JSON.readTree(expectedJson);
        Object actual;
        try {
            actual = TEMPLAR.template(template, VARS);
        } catch (TemplateError e) {
            if (expected.has("error")) {
                return;
            }
            throw new AssertionError("Ansible rendered " + expected.get("value") + " but we failed: " + e.getMessage(), e);
        }
        if (expected.has("error")) {
            fail("Ansible failed (" + expected.get("error") + ") but we rendered " + actual);
        }
        JsonNode actualTree = JSON.valueToTree(actual);
        if (!expected.get("value").equals(NUMERIC, actualTree)) {
            assertEquals(expected.get("value").toString(), actualTree.toString(), template);
        }
    }

    private static final Comparator<JsonNode> NUMERIC = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.doubleValue(), b.doubleValue()) == 0 && a.isIntegralNumber() == b.isIntegralNumber() ? 0 : 1;
        }
        return a.equals(b) ? 0 : 1;
    };
}
