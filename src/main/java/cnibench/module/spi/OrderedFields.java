package cnibench.module.spi;

import java.util.LinkedHashMap;
import java.util.Map;

/** A result's fields in the order given, keys and values alternating; unlike Map.of it keeps nulls and order. */
public final class OrderedFields {
    private OrderedFields() {
    }

    public static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }
}
