package cnibench.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderedStringsTest {
    @Test
    void keepsTheOrderTheEntriesAreWrittenIn() {
        Map<String, String> table = OrderedStrings.of("p(99)", "p99", "avg", "avg", "max", "max");

        assertEquals(List.of("p(99)", "avg", "max"), List.copyOf(table.keySet()));
        assertEquals("p99", table.get("p(99)"));
    }

    @Test
    void rejectsAKeyWithoutAValueAndChanges() {
        assertThrows(IllegalArgumentException.class, () -> OrderedStrings.of("KVM", "kvm", "Xen"));
        assertThrows(UnsupportedOperationException.class, () -> OrderedStrings.of("a", "b").put("c", "d"));
    }
}
