package cnibench.template;

import cnibench.python.PyTypeName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Python's + for the sum filter: integers stay integers, floats spread, lists concatenate. */
final class Arithmetic {
    private Arithmetic() {
    }

    static Object add(Object a, Object b) {
        Object x = Undefined.require(a);
        Object y = Undefined.require(b);
        if (x instanceof Collection<?> l && y instanceof Collection<?> r) {
            List<Object> out = new ArrayList<>(l);
            out.addAll(r);
            return out;
        }
        if (x instanceof Number n && y instanceof Number m) {
            if (n instanceof Double || m instanceof Double || n instanceof Float || m instanceof Float) {
                return n.doubleValue() + m.doubleValue();
            }
            return NativeValues.normalizeInteger(java.math.BigInteger.valueOf(n.longValue()).add(java.math.BigInteger.valueOf(m.longValue())));
        }
        if (x instanceof CharSequence && y instanceof CharSequence) {
            return x.toString() + y;
        }
        throw new TemplateError("unsupported operand type(s) for +: '" + PyTypeName.of(x) + "' and '" + PyTypeName.of(y) + "'");
    }
}
