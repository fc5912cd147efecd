package cnibench.template;

import cnibench.python.PyTuple;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Python equality (deep; 1 == 1.0, True == 1, '1' != 1) and ordering used by operators and tests. */
final class Compare {
    private Compare() {
    }

    static boolean equal(Object a, Object b) {
        Object x = Undefined.require(a);
        Object y = Undefined.require(b);
        if (x == y) {
            return true;
        }
        if (isNumeric(x) && isNumeric(y)) {
            return numbersEqual(asNumber(x), asNumber(y));
        }
        if (x instanceof CharSequence s && y instanceof CharSequence t) {
            return s.toString().equals(t.toString());
        }
        if (x instanceof List<?> l && y instanceof List<?> r) {
            return PyTuple.isTuple(l) == PyTuple.isTuple(r) && listsEqual(l, r);
        }
        if (x instanceof Map<?, ?> l && y instanceof Map<?, ?> r) {
            return mapsEqual(l, r);
        }
        if (x instanceof Set<?> l && y instanceof Set<?> r) {
            return l.size() == r.size() && l.stream().allMatch(e -> r.stream().anyMatch(f -> equal(e, f)));
        }
        return Objects.equals(x, y);
    }

    private static boolean isNumeric(Object value) {
        return value instanceof Number || value instanceof Boolean;
    }

    private static Number asNumber(Object value) {
        return value instanceof Boolean b ? (b ? 1 : 0) : (Number) value;
    }

    private static boolean numbersEqual(Number x, Number y) {
        if (isFloating(x) || isFloating(y)) {
            return x.doubleValue() == y.doubleValue();
        }
        if (x instanceof BigInteger || y instanceof BigInteger) {
            return new BigInteger(x.toString()).equals(new BigInteger(y.toString()));
        }
        return x.longValue() == y.longValue();
    }

    private static boolean isFloating(Number n) {
        return n instanceof Double || n instanceof Float || n instanceof BigDecimal;
    }

    private static boolean listsEqual(List<?> l, List<?> r) {
        if (l.size() != r.size()) {
            return false;
        }
        Iterator<?> right = r.iterator();
        for (Object item : l) {
            if (!equal(item, right.next())) {
                return false;
            }
        }
        return true;
    }

    private static boolean mapsEqual(Map<?, ?> l, Map<?, ?> r) {
        if (l.size() != r.size()) {
            return false;
        }
        for (Map.Entry<?, ?> entry : l.entrySet()) {
            Object key = matchingKey(r, entry.getKey());
            if (key == NO_KEY || !equal(entry.getValue(), r.get(key))) {
                return false;
            }
        }
        return true;
    }

    private static final Object NO_KEY = new Object();

    private static Object matchingKey(Map<?, ?> map, Object key) {
        if (map.containsKey(key)) {
            return key;
        }
        for (Object candidate : map.keySet()) {
            if (equal(key, candidate)) {
                return candidate;
            }
        }
        return NO_KEY;
    }

    /**
     * A stand-in with Java equals/hashCode that agree with Python equality (1, 1.0 and True are
     * one key), for sets and de-duplication.
     */
    static Object key(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            double d = ((Number) value).doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 9.0e18 ? (Object) (long) d : (Object) d;
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (value instanceof List<?> list) {
            List<Object> keys = new ArrayList<>(list.size());
            list.forEach(item -> keys.add(key(item)));
            return PyTuple.isTuple(value) ? new PyTuple(keys.toArray()) : keys;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> keys = new HashMap<>();
            map.forEach((k, v) -> keys.put(key(k), key(v)));
            return keys;
        }
        return value;
    }

    static int order(Object a, Object b) {
        return CollectionFilters.pythonOrder(true).compare(a, b);
    }
}
