package cnibench.executor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagFilterTest {

    @Test
    void withoutTagsEverythingButNeverRuns() {
        TagFilter all = new TagFilter(List.of(), List.of());
        assertTrue(all.selects(List.of()));
        assertTrue(all.selects(List.of("x")));
        assertFalse(all.selects(List.of("never")));
        assertTrue(all.selects(List.of("always")));
    }

    @Test
    void onlyAndSkipFollowAnsible() {
        TagFilter f = new TagFilter(List.of("deploy"), List.of("slow"));
        assertTrue(f.selects(List.of("deploy")));
        assertFalse(f.selects(List.of("deploy", "slow")));
        assertFalse(f.selects(List.of()));
        assertTrue(f.selects(List.of("always")));
        assertTrue(new TagFilter(List.of("never"), List.of()).selects(List.of("never")));
        assertTrue(new TagFilter(List.of("untagged"), List.of()).selects(List.of()));
        assertFalse(new TagFilter(List.of(), List.of("always")).selects(List.of("always")));
    }
}
