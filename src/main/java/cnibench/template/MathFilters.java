package cnibench.template;

import cnibench.python.PyRepr;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** pow, human_readable, human_to_bytes and rekey_on_member (the filters of Ansible's mathstuff). */
final class MathFilters {
    private static final Map<String, Double> SIZE_RANGES = new LinkedHashMap<>();
    private static final Pattern HUMAN = Pattern.compile("^\\s*(\\d*\\.?\\d*)\\s*([A-Za-z]+)?");

    static {
        String[] units = {"Y", "Z", "E", "P", "T", "G", "M", "K", "B"};
        for (int i = 0; i < units.length; i++) {
            SIZE_RANGES.put(units[i], Math.pow(1024, units.length - 1 - i));
        }
    }

    private MathFilters() {
    }

    static void register(FilterCatalog c) {
        c.add("pow", (v, a) -> Math.pow(((Number) v).doubleValue(), ((Number) a.get(0, "y")).doubleValue()));
        c.add("human_readable", (v, a) -> bytesToHuman(((Number) CoreFilters.toFloat(v, 0.0)).doubleValue(),
                a.flag(0, "isbits", false), a.string(1, "unit", null)));
        c.add("human_to_bytes", (v, a) -> humanToBytes(PyRepr.str(v), a.string(0, "default_unit", null), a.flag(1, "isbits", false)));
        c.add("rekey_on_member", (v, a) -> rekeyOnMember(v, a.get(0, "key"), a.string(1, "duplicates", "error")));
    }

    /** A list (or the values of a dict) of dicts, keyed by the value of one member. */
    private static Map<Object, Object> rekeyOnMember(Object data, Object key, String duplicates) {
        if (!duplicates.equals("error") && !duplicates.equals("overwrite")) {
            throw new TemplateError("duplicates parameter to rekey_on_member has unknown value: " + duplicates);
        }
        if (!(data instanceof Map<?, ?>) && !(data instanceof java.util.List<?>)) {
            throw new TemplateError("Type is not a valid list, set, or dict");
        }
        Iterable<?> items = data instanceof Map<?, ?> m ? m.values() : (java.util.List<?>) data;
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> entry)) {
                throw new TemplateError("List item is not a valid dict");
            }
            if (!entry.containsKey(key)) {
                throw new TemplateError("Key " + PyRepr.str(key) + " was not found");
            }
            Object newKey = entry.get(key);
            if (duplicates.equals("error") && out.containsKey(newKey)) {
                throw new TemplateError("Key " + PyRepr.str(newKey) + " is not unique, cannot correctly turn into dict");
            }
            out.put(newKey, item);
        }
        return out;
    }

    private static String bytesToHuman(double size, boolean isbits, String unit) {
        String base = isbits ? "bits" : "Bytes";
        String suffix = "B";
        double limit = 1;
        for (String candidate : SIZE_RANGES.keySet()) {
            suffix = candidate;
            limit = SIZE_RANGES.get(candidate);
            if ((unit == null && size >= limit) || (unit != null && unit.toUpperCase().startsWith(candidate))) {
                break;
            }
        }
        String label = limit != 1 ? suffix + base.charAt(0) : base;
        return String.format(Locale.ROOT, "%.2f %s", size / limit, label);
    }

    private static long humanToBytes(String number, String defaultUnit, boolean isbits) {
        Matcher m = HUMAN.matcher(number);
        if (!m.find() || m.group(1).isEmpty() || m.group(1).equals(".")) {
            throw new TemplateError("human_to_bytes() can't interpret following string: " + number);
        }
        double num = Double.parseDouble(m.group(1));
        String unit = m.group(2) != null ? m.group(2) : defaultUnit;
        if (unit == null) {
            return Math.round(num);
        }
        String rangeKey = unit.substring(0, 1).toUpperCase();
        if (!SIZE_RANGES.containsKey(rangeKey)) {
            throw new TemplateError("human_to_bytes() failed to convert " + number + " (unit = " + unit
                    + "). The suffix must be one of " + String.join(", ", SIZE_RANGES.keySet()));
        }
        String unitClass = isbits ? "b" : "B";
        String unitClassName = isbits ? "bit" : "byte";
        if (unit.length() > 1 && !unit.toLowerCase().contains(unitClassName) && unit.charAt(1) != unitClass.charAt(0)) {
            String expect = rangeKey.equals("B") ? "expect " + unitClass + " or " + unitClassName
                    : "expect " + rangeKey + unitClass + " or " + rangeKey;
            throw new TemplateError("human_to_bytes() failed to convert " + number + ". Value is not a valid string (" + expect + ")");
        }
        return Math.round(num * SIZE_RANGES.get(rangeKey));
    }
}
