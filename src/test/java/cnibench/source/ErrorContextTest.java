package cnibench.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cnibench.text.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text under a run-time error, against what ansible-core 2.14 wrote for the same file and position
 * (src/test/resources/error-context): the k=v rule, each common-mistake hint, a tab, a file that is gone.
 */
class ErrorContextTest {

    @Test
    @SuppressWarnings("unchecked")
    void matchesAnsibleForEveryRecordedCase(@TempDir Path dir) throws Exception {
        Map<String, Object> oracle = Json.MAPPER.readValue(Path.of("src/test/resources/error-context/ansible-2.14.json").toFile(), Map.class);
        List<Map<String, Object>> cases = (List<Map<String, Object>>) oracle.get("cases");
        assertEquals(7, cases.size());
        for (Map<String, Object> c : cases) {
            Path file = dir.resolve((String) c.get("file"));
            if (c.get("content") != null) {
                Files.writeString(file, (String) c.get("content"));
            }
            Position at = new Position(file.toString(), (Integer) c.get("line"), (Integer) c.get("column"));
            String expected = ((String) c.get("expected")).replace("<dir>/", dir + "/");
            assertEquals(expected, ErrorContext.of(at), "case " + c.get("file"));
        }
    }
}
