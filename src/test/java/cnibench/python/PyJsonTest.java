package cnibench.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected values are what Python 3.11's json.dumps writes for the same value. */
class PyJsonTest {

    @Test
    void writesWhatPythonsJsonDumpsWrites() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", List.of(1, 2.5, true));
        m.put("a", null);
        m.put("c", "é\n\"q\"");
        assertEquals("{\"a\": null, \"b\": [1, 2.5, true], \"c\": \"é\\n\\\"q\\\"\"}", PyJson.dumps(m, null, true));
        assertEquals("{\n    \"x\": [\n        1\n    ],\n    \"y\": {}\n}", PyJson.dumps(Map.of("x", List.of(1), "y", Map.of()), 4, true));
    }

    @Test
    void floatsLookLikePythons() {
        assertEquals("[1.0, 1e-05, 0.0001, 1e+20, NaN, Infinity]",
                PyJson.dumps(List.of(1.0, 0.00001, 0.0001, 1e20, Double.NaN, Double.POSITIVE_INFINITY), null, false));
    }

    @Test
    void ensureAsciiEscapesAllButPrintableAscii() {
        assertEquals("{\"k\": \"\\u00e9\\u007f\"}", PyJson.dumpsAscii(Map.of("k", "é\u007f"), null, false));
    }

    @Test
    void indentZeroStillBreaksLines() {
        assertEquals("{\n\"k\": \"v\",\n\"n\": [\n1,\n{}\n]\n}", PyJson.dumps(Map.of("n", List.of(1, Map.of()), "k", "v"), 0, true));
    }
}
