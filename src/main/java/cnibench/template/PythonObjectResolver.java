package cnibench.template;

import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.objects.collections.PyList;
import java.beans.FeatureDescriptor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jinjava.javax.el.CompositeELResolver;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

/**
 * Python semantics for attribute access and method calls in expressions: a missing dict key or
 * list element is Undefined (so default() works and printing fails with Ansible's message),
 * attributes of Undefined stay Undefined, and the str/dict methods playbooks call exist.
 */
final class PythonObjectResolver extends ELResolver {
    private static final Set<String> DICT_METHODS = Set.of("items", "keys", "values", "get", "copy", "update", "pop");

    /** This resolver in front of Jinjava's own. */
    static ELResolver composite() {
        CompositeELResolver composite = new CompositeELResolver();
        composite.add(new PythonObjectResolver());
        composite.add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_WRITE);
        return composite;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base instanceof Undefined) {
            context.setPropertyResolved(true);
            return base;
        }
        if (base instanceof Map<?, ?> map) {
            Object key = findKey(map, property);
            if (key == MISSING && property instanceof String name && DICT_METHODS.contains(name)) {
                return null;
            }
            context.setPropertyResolved(true);
            return key == MISSING ? Undefined.attribute(base, property) : map.get(key);
        }
        // Jinjava hands lists over wrapped in its PyList.
        Object unwrapped = base instanceof PyList pyList ? pyList.toList() : base;
        if (unwrapped instanceof IterFilters.Group group && ("grouper".equals(property) || "list".equals(property))) {
            context.setPropertyResolved(true);
            return group.get("grouper".equals(property) ? 0 : 1);
        }
        Integer position = base instanceof List<?> ? index(property) : null;
        if (position != null) {
            List<?> list = (List<?>) base;
            int index = position < 0 ? list.size() + position : position;
            context.setPropertyResolved(true);
            if (index < 0 || index >= list.size()) {
                return Undefined.of(new UndefinedVariableError(String.valueOf(position), "list object has no element " + position));
            }
            return list.get(index);
        }
        return null;
    }

    /** A list subscript: Jinjava passes `l[5]` as the text "5", `l[i]` as a number. */
    private static Integer index(Object property) {
        if (property instanceof Number n && !(property instanceof Double)) {
            return n.intValue();
        }
        if (property instanceof String s && s.matches("-?\\d{1,9}")) {
            return Integer.parseInt(s);
        }
        return null;
    }

    private static final Object MISSING = new Object();

    /** The map's key equal to the property, matching numbers by value (YAML keys may be Integer). */
    private static Object findKey(Map<?, ?> map, Object property) {
        if (map.containsKey(property)) {
            return property;
        }
        if (property instanceof Number n) {
            for (Object key : map.keySet()) {
                if (key instanceof Number k && k.longValue() == n.longValue()) {
                    return key;
                }
            }
        }
        return MISSING;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base instanceof Undefined u) {
            throw u.error();
        }
        Object[] args = params == null ? new Object[0] : params;
        Object result = PythonMethods.call(base, String.valueOf(method), args);
        if (result == PythonMethods.NOT_HANDLED) {
            return null;
        }
        context.setPropertyResolved(true);
        return result;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return new ArrayList<FeatureDescriptor>().iterator();
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return Object.class;
    }
}
