package cnibench.python;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/** Python's type(value).__name__ for the Java values that stand for Python's. */
public final class PyTypeName {
    private PyTypeName() {
    }

    public static String of(Object value) {
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return "float";
        }
        if (value instanceof Number) {
            return "int";
        }
        if (value instanceof CharSequence) {
            return "str";
        }
        if (value instanceof Map) {
            return "dict";
        }
        if (PyTuple.isTuple(value)) {
            return "tuple";
        }
        if (value instanceof Collection || value instanceof Object[]) {
            return "list";
        }
        if (value instanceof PyDatetime) {
            return "datetime";
        }
        return value.getClass().getSimpleName();
    }
}
