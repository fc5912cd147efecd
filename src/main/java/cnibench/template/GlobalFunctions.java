package cnibench.template;

import cnibench.python.PyRepr;
import cnibench.python.PyDatetime;
import com.hubspot.jinjava.el.ext.NamedParameter;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Jinja globals beyond Jinjava's own (range): dict() and Ansible's now(). */
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

    /** now(utc=False, fmt=None): the current time as a datetime, or formatted with strftime when fmt is given. */
    public static Object now(Object... args) {
        boolean utc = false;
        Object fmt = null;
        int position = 0;
        for (Object arg : args == null ? new Object[0] : args) {
            String name = arg instanceof NamedParameter p ? p.getName() : position++ == 0 ? "utc" : "fmt";
            Object value = arg instanceof NamedParameter p ? p.getValue() : arg;
            if (name.equals("utc")) {
                utc = Truth.of(value);
            } else if (name.equals("fmt")) {
                fmt = value;
            } else {
                throw new TemplateError("now() got an unexpected keyword argument '" + name + "'");
            }
        }
        PyDatetime time = new PyDatetime(
                LocalDateTime.now(utc ? ZoneOffset.UTC : ZoneId.systemDefault()));
        return fmt == null ? time : time.strftime(PyRepr.str(fmt));
    }
}
