package cnibench.template;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Templating a set_fact-sized argument map must stay far below a millisecond (typically
 * ~0.05 ms warm); the bound is loose so a busy machine does not make it flaky.
 */
class RenderSpeedTest {
    @Test
    void aSimpleTaskRendersInWellUnderAMillisecond() {
        Templar templar = new Templar();
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < 200; i++) {
            vars.put("v" + i, "value" + i);
        }
        vars.put("a", 1);
        vars.put("name", "web");
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("x", "{{ a + 1 }}");
        args.put("y", "plain");
        args.put("z", "{{ name | upper }}");
        for (int i = 0; i < 20_000; i++) {
            templar.template(args, vars);
        }
        int runs = 20_000;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            templar.template(args, vars);
            templar.evaluateCondition("a is defined and a > 0", vars);
        }
        double perCallMs = (System.nanoTime() - start) / 1e6 / runs;
        assertTrue(perCallMs < 1.0, "render + condition took " + perCallMs + " ms");
    }
}
