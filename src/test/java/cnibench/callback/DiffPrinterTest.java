package cnibench.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DiffPrinterTest {

    @Test
    void printsAUnifiedDiffWithAnsiblesHeaders() {
        String text = DiffPrinter.render(Map.of("before", "a\nb\n", "after", "a\nc\n", "before_header", "/tmp/f"));
        assertEquals("--- before: /tmp/f\n+++ after\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n", text);
    }

    @Test
    void dictsAreComparedAsIndentedJson() {
        String text = DiffPrinter.render(Map.of("before", Map.of("path", "/d", "state", "absent"),
                "after", Map.of("path", "/d", "state", "directory")));
        assertEquals("--- before\n+++ after\n@@ -1,4 +1,4 @@\n {\n     \"path\": \"/d\",\n-    \"state\": \"absent\"\n"
                + "+    \"state\": \"directory\"\n }\n", text);
    }

    @Test
    void nothingWhenEqual() {
        assertEquals("", DiffPrinter.render(Map.of("before", "x", "after", "x")));
    }
}
