package cnibench.template;

import cnibench.python.PercentFormat;
import cnibench.python.PyTypeName;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import jinjava.de.odysseus.el.misc.NumberOperations;
import jinjava.de.odysseus.el.misc.TypeConverter;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;

/**
 * Python's ==, !=, in, not in, * and %: equality is deep and numeric-aware (1 == 1.0, [1] == [1.0],
 * but '1' != 1), `in` uses that equality, 'ab' * 2 repeats, and str % args formats.
 */
final class PythonOperators {
    static final AstBinary.Operator EQ = operator("==", (a, b, c) -> Compare.equal(a, b));
    static final AstBinary.Operator NE = operator("!=", (a, b, c) -> !Compare.equal(a, b));
    static final AstBinary.Operator IN = operator("in", (a, b, c) -> contains(b, a));
    static final AstBinary.Operator NOT_IN = operator("not in", (a, b, c) -> !contains(b, a));
    static final AstBinary.Operator MUL = operator("*", PythonOperators::multiply);
    static final AstBinary.Operator MOD = operator("%", PythonOperators::modulo);

    private PythonOperators() {
    }

    @FunctionalInterface
    private interface Body {
        Object apply(Object left, Object right, TypeConverter converter);
    }

    private static AstBinary.Operator operator(String image, Body body) {
        return new AstBinary.SimpleOperator() {
            @Override
            protected Object apply(TypeConverter converter, Object left, Object right) {
                return body.apply(left, right, converter);
            }

            @Override
            public String toString() {
                return image;
            }
        };
    }

    /** Python's `item in container`. */
    static boolean contains(Object container, Object item) {
        Object target = Undefined.require(container);
        if (target == null) {
            throw new TemplateError("argument of type 'NoneType' is not iterable");
        }
        if (target instanceof CharSequence text) {
            if (!(Undefined.require(item) instanceof CharSequence part)) {
                throw new TemplateError("'in <string>' requires string as left operand, not " + PyTypeName.of(item));
            }
            return text.toString().contains(part);
        }
        Iterable<?> elements = target instanceof Map<?, ?> map ? map.keySet() : target instanceof Iterable<?> it ? it : null;
        if (elements == null) {
            throw new TemplateError("argument of type '" + PyTypeName.of(target) + "' is not iterable");
        }
        for (Object element : elements) {
            if (Compare.equal(item, element)) {
                return true;
            }
        }
        return false;
    }

    private static Object multiply(Object left, Object right, TypeConverter converter) {
        Object a = Undefined.require(left);
        Object b = Undefined.require(right);
        if (isInteger(b) && (a instanceof CharSequence || a instanceof Collection)) {
            return repeat(a, ((Number) b).intValue());
        }
        if (isInteger(a) && (b instanceof CharSequence || b instanceof Collection)) {
            return repeat(b, ((Number) a).intValue());
        }
        return NumberOperations.mul(converter, a, b);
    }

    private static boolean isInteger(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short;
    }

    private static Object repeat(Object sequence, int times) {
        if (sequence instanceof CharSequence text) {
            return text.toString().repeat(Math.max(0, times));
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            out.addAll((Collection<?>) sequence);
        }
        return out;
    }

    private static Object modulo(Object left, Object right, TypeConverter converter) {
        Object a = Undefined.require(left);
        if (a instanceof CharSequence format) {
            return PercentFormat.format(format.toString(), Undefined.require(right));
        }
        Object b = Undefined.require(right);
        if (a instanceof Number x && b instanceof Number y && !(x instanceof BigDecimal || y instanceof BigDecimal)) {
            return floorMod(x, y);
        }
        return NumberOperations.mod(converter, a, b);
    }

    /** Python's %: the result takes the sign of the divisor. */
    private static Object floorMod(Number x, Number y) {
        if (isInteger(x) && isInteger(y)) {
            if (y.longValue() == 0) {
                throw new TemplateError("integer division or modulo by zero");
            }
            return Math.floorMod(x.longValue(), y.longValue());
        }
        double divisor = y.doubleValue();
        if (divisor == 0) {
            throw new TemplateError("float modulo");
        }
        double rest = x.doubleValue() % divisor;
        return rest != 0 && (rest < 0) != (divisor < 0) ? rest + divisor : rest;
    }
}
