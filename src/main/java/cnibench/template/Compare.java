package cnibench.template;

import java.util.Objects;

/** Python equality (1 == 1.0, True == 1) and ordering used by the comparison tests. */
final class Compare {
    private Compare() {
    }

    static boolean equal(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof CharSequence x && b instanceof CharSequence y) {
            return x.toString().equals(y.toString());
        }
        return Objects.equals(a, b);
    }

    static int order(Object a, Object b) {
        return CollectionFilters.pythonOrder(true).compare(a, b);
    }
}
