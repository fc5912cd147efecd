package cnibench.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cnibench.inventory.Host;
import cnibench.template.Templar;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SerialBatchesTest {
    private final List<Host> hosts = IntStream.range(0, 5).mapToObj(i -> new Host("h" + i)).toList();

    private List<Integer> sizes(Object serial) {
        return SerialBatches.split(serial, hosts, new Templar(), Map.of()).stream().map(List::size).toList();
    }

    @Test
    void numbersPercentagesAndLists() {
        assertEquals(List.of(5), sizes(null));
        assertEquals(List.of(2, 2, 1), sizes(2));
        assertEquals(List.of(2, 2, 1), sizes("40%"));
        assertEquals(List.of(1, 3, 1), sizes(List.of(1, 3)));
    }
}
