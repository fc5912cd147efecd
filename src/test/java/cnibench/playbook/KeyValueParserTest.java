package cnibench.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyValueParserTest {

    @Test
    void splitsKeyValuePairsKeepingQuotesAndJinjaWhole() {
        assertEquals(Map.of("msg", "hello world", "x", "{{ a | default('b c') }}"),
                KeyValueParser.parse("msg='hello world' x={{ a | default('b c') }}", false));
    }

    @Test
    void freeFormKeepsTheCommandAsWrittenAndTakesOnlyKnownKeys() {
        Map<String, Object> args = KeyValueParser.parse("for x in 1 2; do\n  echo $x\ndone\n", true);
        assertEquals("for x in 1 2; do\n  echo $x\ndone\n", args.get("_raw_params"));
        Map<String, Object> withKeys = KeyValueParser.parse("chdir=/tmp echo a=b creates=/x", true);
        assertEquals("echo a=b", withKeys.get("_raw_params"));
        assertEquals("/tmp", withKeys.get("chdir"));
        assertEquals("/x", withKeys.get("creates"));
    }
}
