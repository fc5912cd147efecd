package cnibench.module.spi;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Validated, defaulted arguments of one module call, keyed by canonical argument name. */
public final class Arguments {
    private final Map<String, Object> values;

    public Arguments(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    public Object raw(String name) {
        return values.get(name);
    }

    public String str(String name) {
        Object v = values.get(name);
        return v == null ? null : v.toString();
    }

    public String str(String name, String fallback) {
        String v = str(name);
        return v == null ? fallback : v;
    }

    public boolean bool(String name) {
        return Boolean.TRUE.equals(values.get(name));
    }

    public Integer integer(String name) {
        Object v = values.get(name);
        return v == null ? null : ((Number) v).intValue();
    }

    public Double number(String name) {
        Object v = values.get(name);
        return v == null ? null : ((Number) v).doubleValue();
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String name) {
        Object v = values.get(name);
        return v == null ? List.of() : (List<Object>) v;
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String name) {
        return list(name).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String name) {
        Object v = values.get(name);
        return v == null ? Map.of() : (Map<String, Object>) v;
    }

    public Map<String, Object> asMap() {
        return values;
    }
}
