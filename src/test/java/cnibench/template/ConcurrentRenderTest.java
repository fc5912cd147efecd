package cnibench.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Forks render at the same time with one shared engine and parsed-template cache. */
class ConcurrentRenderTest {
    @Test
    void parallelRendersDoNotMixVariables() throws Exception {
        Templar templar = new Templar();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int host = 0; host < 8; host++) {
                int id = host;
                results.add(pool.submit(() -> {
                    Map<String, Object> vars = Map.of("id", id, "name", "{{ 'host' ~ id }}", "items", List.of(id, id + 1));
                    for (int i = 0; i < 2_000; i++) {
                        Object out = templar.template("{{ name }}:{% for x in items %}{{ x }}{% endfor %}", vars);
                        if (!out.equals("host" + id + ":" + id + (id + 1))) {
                            return false;
                        }
                        if (!templar.evaluateCondition("id == " + id, vars)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertEquals(true, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
