package cnibench.template;

import java.util.Collection;
import java.util.Map;

/** Python truthiness (a non-empty string is true, even "false"); Undefined raises. */
final class Truth {
    private Truth() {
    }

    static boolean of(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Undefined u) {
            throw u.error();
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof CharSequence s) {
            return !s.isEmpty();
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }
}
