package cnibench.template;

import com.hubspot.jinjava.el.ext.NamedParameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Jinja globals beyond Jinjava's own (range): dict(). */
public final class GlobalFunctions {
    private GlobalFunctions() {
    }

    /** dict(a=1), dict([[k, v], ...]), dict(other_dict), dict(pairs, k=v). */
    public static Object dict(Object... args) {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object arg : args == null ? new Object[0] : args) {
            if (arg instanceof NamedParameter p) {
                out.put(p.getName(), p.getValue());
            } else if (arg instanceof Map<?, ?> map) {
                out.putAll(map);
            } else {
                for (Object pair : CollectionFilters.list(Undefined.require(arg))) {
                    List<Object> kv = CollectionFilters.list(pair);
                    if (kv.size() != 2) {
                        throw new TemplateError("dictionary update sequence element has length " + kv.size() + "; 2 is required");
                    }
                    out.put(kv.get(0), kv.get(1));
                }
            }
        }
        return out;
    }
}
