package cnibench.playbook;

import cnibench.python.AnsibleBoolean;
import cnibench.python.PyRepr;
import cnibench.python.PyTypeName;
import cnibench.python.PythonError;
import cnibench.source.SourceError;
import cnibench.template.Templar;
import cnibench.source.YamlMap;
import java.util.List;
import java.util.Map;

/**
 * The types of the scalar keywords (Ansible's FieldAttribute isa) and their conversion, as
 * Ansible's post_validate does: a literal of the wrong type is refused when the playbook loads, a
 * template is converted once templated, with the same message.
 */
public final class KeywordTypes {
    enum Type { BOOL, INT, STRING, PERCENT, HOST_COUNTS }

    private static final Map<String, Type> TYPES = Map.ofEntries(
            Map.entry("any_errors_fatal", Type.BOOL), Map.entry("become", Type.BOOL), Map.entry("check_mode", Type.BOOL),
            Map.entry("delegate_facts", Type.BOOL), Map.entry("diff", Type.BOOL), Map.entry("force_handlers", Type.BOOL),
            Map.entry("gather_facts", Type.BOOL), Map.entry("ignore_errors", Type.BOOL),
            Map.entry("ignore_unreachable", Type.BOOL), Map.entry("no_log", Type.BOOL), Map.entry("run_once", Type.BOOL),
            Map.entry("async", Type.INT), Map.entry("delay", Type.INT), Map.entry("gather_timeout", Type.INT),
            Map.entry("poll", Type.INT), Map.entry("port", Type.INT), Map.entry("retries", Type.INT),
            Map.entry("throttle", Type.INT), Map.entry("timeout", Type.INT),
            Map.entry("become_exe", Type.STRING), Map.entry("become_flags", Type.STRING),
            Map.entry("become_method", Type.STRING), Map.entry("become_user", Type.STRING),
            Map.entry("connection", Type.STRING), Map.entry("delegate_to", Type.STRING), Map.entry("fact_path", Type.STRING),
            Map.entry("order", Type.STRING), Map.entry("register", Type.STRING), Map.entry("remote_user", Type.STRING),
            Map.entry("strategy", Type.STRING),
            Map.entry("max_fail_percentage", Type.PERCENT), Map.entry("serial", Type.HOST_COUNTS));

    private KeywordTypes() {
    }

    /** Refuses a keyword of the mapping whose literal value (not a template) has the wrong type, at its position. */
    static void check(YamlMap ds) {
        for (String key : ds.keySet()) {
            Object value = ds.get(key);
            if (TYPES.containsKey(key) && value != null && !(value instanceof String s && Templar.isTemplate(s))) {
                try {
                    convert(key, value);
                } catch (IllegalArgumentException e) {
                    throw new SourceError(e.getMessage(), ds.positionOf(key));
                }
            }
        }
    }

    /**
     * The keyword's value as its type: Boolean, Long, String, Double (a percent), or a list of those
     * (serial); IllegalArgumentException with Ansible's message when it is not convertible.
     */
    public static Object convert(String keyword, Object value) {
        return convert(keyword, value, value);
    }

    /** A templated value converted; the message shows the value as written, as Ansible's does. */
    public static Object convert(String keyword, Object value, Object asWritten) {
        Type type = TYPES.get(keyword);
        if (type == null || value == null) {
            return value;
        }
        if (type == Type.STRING && (value instanceof Map || value instanceof List)) {
            throw new IllegalArgumentException("The field '" + keyword + "' is supposed to be a string type, however the"
                    + " incoming data structure is a <class 'ansible.parsing.yaml.objects."
                    + (value instanceof Map ? "AnsibleMapping" : "AnsibleSequence") + "'>");
        }
        try {
            return switch (type) {
                case BOOL -> AnsibleBoolean.parse(hashable(value), true);
                case INT -> toInt(value);
                case STRING -> PyRepr.str(value);
                case PERCENT -> toPercent(value);
                case HOST_COUNTS -> (value instanceof List<?> l ? l : List.of(value)).stream().map(KeywordTypes::hostCount).toList();
            };
        } catch (PythonError e) {
            String typeName = type == Type.HOST_COUNTS ? "int" : type.name().toLowerCase();
            throw new IllegalArgumentException("the field '" + keyword + "' has an invalid value (" + PyRepr.str(asWritten)
                    + "), and could not be converted to an " + typeName + ".The error was: " + e.getMessage());
        }
    }

    private static Object hashable(Object value) {
        if (value instanceof Map || value instanceof List) {
            throw new PythonError("unhashable type: '" + PyTypeName.of(value) + "'");
        }
        return value;
    }

    /** Python's int(): whole numbers in text, any number truncated, booleans as 0 and 1. */
    private static long toInt(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                throw new PythonError("invalid literal for int() with base 10: " + PyRepr.repr(s));
            }
        }
        throw new PythonError("int() argument must be a string, a bytes-like object or a real number, not '"
                + PyTypeName.of(value) + "'");
    }

    /** A percentage as Ansible reads one: a number, or text with an optional trailing %. */
    private static double toPercent(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            String number = s.replace("%", "").strip();
            try {
                return Double.parseDouble(number);
            } catch (NumberFormatException e) {
                throw new PythonError("could not convert string to float: " + PyRepr.repr(number));
            }
        }
        throw new PythonError("float() argument must be a string or a real number, not '" + PyTypeName.of(value) + "'");
    }

    /** One serial batch size: a number of hosts, or a percentage ("30%") or template kept as text. */
    private static Object hostCount(Object item) {
        if (item instanceof String s && Templar.isTemplate(s)) {
            return s;
        }
        if (item instanceof String s && s.strip().endsWith("%")) {
            toPercent(s);
            return s;
        }
        return toInt(item);
    }
}
