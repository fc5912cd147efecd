package cnibench.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonJsonTest {

    @Test
    void writesWhatPythonsJsonDumpsWrites() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", List.of(1, 2.5, true));
        m.put("a", null);
        m.put("c", "é\n\"q\"");
        assertEquals("{\"a\": null, \"b\": [1, 2.5, true], \"c\": \"é\\n\\\"q\\\"\"}", PythonJson.dumps(m, null, true));
        assertEquals("{\n    \"x\": [\n        1\n    ],\n    \"y\": {}\n}", PythonJson.dumps(Map.of("x", List.of(1), "y", Map.of()), 4, true));
    }

    @Test
    void floatsLookLikePythons() {
        assertEquals("1.0", PythonJson.pythonFloat(1.0));
        assertEquals("1e-05", PythonJson.pythonFloat(0.00001));
        assertEquals("0.0001", PythonJson.pythonFloat(0.0001));
        assertEquals("1e+20", PythonJson.pythonFloat(1e20));
    }
}
