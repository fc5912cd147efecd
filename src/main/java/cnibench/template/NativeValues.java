package cnibench.template;

import com.hubspot.jinjava.objects.SafeString;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what Jinjava evaluates to into the plain data the rest of the engine uses (the types the
 * YAML loader produces): ArrayList, LinkedHashMap, String, Integer/Long, Double, Boolean.
 */
final class NativeValues {
    private NativeValues() {
    }

    static Object toPlain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Double) {
            return value;
        }
        if (value instanceof Undefined u) {
            throw u.error();
        }
        if (UnsafeValues.isUnsafe(value)) {
            return UnsafeValues.unwrap(value);
        }
        if (value instanceof Long || value instanceof Short || value instanceof Byte) {
            return normalizeInteger(BigInteger.valueOf(((Number) value).longValue()));
        }
        if (value instanceof BigInteger big) {
            return normalizeInteger(big);
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof SafeString s) {
            return s.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>(Math.max(4, map.size() * 2));
            map.forEach((k, v) -> out.put(toPlain(k), toPlain(v)));
            return out;
        }
        if (value instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(toPlain(v)));
            return out;
        }
        if (value instanceof Object[] array) {
            return toPlain(Arrays.asList(array));
        }
        return value;
    }

    /** Integer when it fits, else Long, else BigInteger (as snakeyaml-engine does). */
    static Object normalizeInteger(BigInteger n) {
        if (n.bitLength() < 32) {
            return n.intValue();
        }
        if (n.bitLength() < 64) {
            return n.longValue();
        }
        return n;
    }

    /** True when the value holds a template string anywhere inside. */
    static boolean containsTemplate(Object value) {
        if (value instanceof LazyVariables || value instanceof UnsafeValues.Unsafe) {
            return false;
        }
        if (value instanceof String s) {
            return Templar.isTemplate(s);
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (containsTemplate(e.getKey()) || containsTemplate(e.getValue())) {
                    return true;
                }
            }
            return false;
        }
        if (value instanceof Collection<?> list) {
            for (Object v : list) {
                if (containsTemplate(v)) {
                    return true;
                }
            }
        }
        return false;
    }
}
