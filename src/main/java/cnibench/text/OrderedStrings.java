package cnibench.text;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A fixed table of strings written inline; unlike Map.of it keeps the order of its entries, which lookups rely on. */
public final class OrderedStrings {
    private OrderedStrings() {
    }

    /** The table of keys and values alternating: of("KVM", "kvm", "Xen", "xen"). */
    public static Map<String, String> of(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("a key without a value: " + keysAndValues[keysAndValues.length - 1]);
        }
        Map<String, String> table = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            table.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(table);
    }
}
