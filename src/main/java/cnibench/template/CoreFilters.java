package cnibench.template;

import cnibench.python.AnsibleBoolean;
import cnibench.python.PyRepr;
import cnibench.python.PyTypeName;
import java.math.BigDecimal;
import java.math.BigInteger;

/** default, mandatory, type conversions, ternary and type_debug. */
final class CoreFilters {
    private CoreFilters() {
    }

    static void register(FilterCatalog catalog) {
        AnsibleFilter.Body byDefault = (value, args) ->
                value instanceof Undefined || (args.flag(1, "boolean", false) && !Truth.of(value))
                        ? args.get(0, "default_value", "") : value;
        catalog.addAcceptingUndefined("default", byDefault);
        catalog.addAcceptingUndefined("d", byDefault);
        catalog.addAcceptingUndefined("mandatory", CoreFilters::mandatory);
        catalog.add("bool", (value, args) -> value == null || value instanceof Boolean ? value : AnsibleBoolean.ofBoolFilter(value));
        catalog.add("int", (value, args) -> toInt(value, args.get(0, "default", 0), ((Number) args.get(1, "base", 10)).intValue()));
        catalog.add("float", (value, args) -> toFloat(value, args.get(0, "default", 0.0)));
        catalog.addText("string", (value, args) -> PyRepr.str(value));
        catalog.add("ternary", (value, args) -> value == null && args.size() > 2 ? args.get(2, "none_val")
                : Truth.of(value) ? args.get(0, "true_val") : args.get(1, "false_val"));
        catalog.add("type_debug", (value, args) -> PyTypeName.of(value));
    }

    private static Object mandatory(Object value, FilterArgs args) {
        if (value instanceof Undefined u) {
            Object msg = args.get(0, "msg");
            throw new TemplateError(msg != null ? PyRepr.str(msg)
                    : "Mandatory variable '" + u.error().variable() + "'  not defined.");
        }
        return value;
    }

    /** Jinja's int filter: int(x), else int(float(x)), else the default. */
    static Object toInt(Object value, Object fallback, int base) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Double d) {
            return NativeValues.normalizeInteger(new BigDecimal(d).toBigInteger());
        }
        if (value instanceof Number n) {
            return NativeValues.toPlain(n);
        }
        String s = PyRepr.str(value).strip().replace("_", "");
        try {
            if (base == 16 && s.toLowerCase().startsWith("0x")) {
                s = s.substring(2);
            }
            return NativeValues.normalizeInteger(new BigInteger(s, base));
        } catch (NumberFormatException e) {
            try {
                return NativeValues.normalizeInteger(new BigDecimal(s).toBigInteger());
            } catch (NumberFormatException again) {
                return fallback;
            }
        }
    }

    static Object toFloat(Object value, Object fallback) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        try {
            return Double.parseDouble(PyRepr.str(value).strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Python's str.title(). */
    static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean previousLetter = false;
        for (char c : s.toCharArray()) {
            out.append(previousLetter ? Character.toLowerCase(c) : Character.toUpperCase(c));
            previousLetter = Character.isLetter(c);
        }
        return out.toString();
    }
}
