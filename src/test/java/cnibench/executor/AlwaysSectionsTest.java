package cnibench.executor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.inventory.Host;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AlwaysSectionsTest {
    private final Host web1 = new Host("web1");
    private final Host web2 = new Host("web2");

    @Test
    void withoutInterruptEveryHostRuns() {
        AlwaysSections sections = new AlwaysSections(() -> false);
        assertTrue(sections.mayRun(web1));
    }

    @Test
    void afterInterruptOnlyHostsInAlwaysRunOnAnyThread() {
        AlwaysSections sections = new AlwaysSections(() -> true);
        sections.enter(List.of(web1, web2));
        // loop items and retries of a host run on pool threads, not the thread that entered the section
        assertTrue(CompletableFuture.supplyAsync(() -> sections.mayRun(web1) && sections.mayRun(web2)).join());
        sections.leave(List.of(web2));
        assertTrue(sections.mayRun(web1));
        assertFalse(CompletableFuture.supplyAsync(() -> sections.mayRun(web2)).join());
    }

    @Test
    void nestedSectionsCountDown() {
        AlwaysSections sections = new AlwaysSections(() -> true);
        sections.enter(List.of(web1));
        sections.enter(List.of(web1));
        sections.leave(List.of(web1));
        assertTrue(sections.mayRun(web1));
        sections.leave(List.of(web1));
        assertFalse(sections.mayRun(web1));
    }
}
