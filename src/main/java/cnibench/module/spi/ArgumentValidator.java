package cnibench.module.spi;

import cnibench.python.PythonError;
import cnibench.python.AnsibleBoolean;
import cnibench.text.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks and coerces module arguments as Ansible's AnsibleModule does. {@link #checkStatic} runs at
 * load time on the untemplated arguments and skips whatever still holds a template;
 * {@link #validate} runs on the templated arguments right before the module.
 */
public final class ArgumentValidator {
    private static final ObjectMapper JSON = Json.MAPPER;

    private ArgumentValidator() {
    }

    /** Load-time checks: unknown names, and types and choices of values that are not templated. */
    public static void checkStatic(ModuleSpec spec, Map<String, Object> args) {
        checkNames(spec, args);
        for (Map.Entry<String, Object> e : args.entrySet()) {
            ArgSpec arg = spec.argument(e.getKey());
            if (arg != null && e.getValue() != null && !holdsTemplate(e.getValue())) {
                coerce(spec, arg, e.getValue());
            }
        }
        checkExclusive(spec, args);
    }

    /** Runtime validation: the canonical, coerced and defaulted arguments. */
    public static Arguments validate(ModuleSpec spec, Map<String, Object> args) {
        checkNames(spec, args);
        checkExclusive(spec, args);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : args.entrySet()) {
            ArgSpec arg = spec.argument(e.getKey());
            if (arg != null) {
                out.put(arg.name(), e.getValue() == null ? null : coerce(spec, arg, e.getValue()));
            } else {
                out.put(e.getKey(), e.getValue()); // _raw_params and other internal keys
            }
        }
        List<String> missing = new ArrayList<>();
        for (ArgSpec arg : spec.arguments().values()) {
            if (out.get(arg.name()) == null) {
                if (arg.required()) {
                    missing.add(arg.name());
                } else if (arg.defaultValue() != null) {
                    out.put(arg.name(), arg.defaultValue());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new ArgumentException(missing.get(0), "missing required arguments: " + String.join(", ", missing));
        }
        for (List<String> group : spec.requiredOneOf()) {
            if (group.stream().noneMatch(n -> out.get(n) != null)) {
                throw new ArgumentException(null, "one of the following is required: " + String.join(", ", group));
            }
        }
        return new Arguments(out);
    }

    private static void checkNames(ModuleSpec spec, Map<String, Object> args) {
        if (spec.acceptsAnyArgument()) {
            return;
        }
        TreeSet<String> unknown = new TreeSet<>();
        for (String key : args.keySet()) {
            if (spec.argument(key) == null && !(spec.freeForm() && key.equals("_raw_params")) && !key.startsWith("_ansible")) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            TreeSet<String> supported = new TreeSet<>();
            spec.arguments().values().forEach(a -> {
                supported.add(a.name());
                supported.addAll(a.aliases());
            });
            throw new ArgumentException(unknown.first(), "Unsupported parameters for (" + spec.name() + ") module: "
                    + String.join(", ", unknown) + ". Supported parameters include: " + String.join(", ", supported) + ".");
        }
    }

    private static void checkExclusive(ModuleSpec spec, Map<String, Object> args) {
        for (List<String> group : spec.mutuallyExclusive()) {
            List<String> present = group.stream().filter(n -> present(spec, args, n)).toList();
            if (present.size() > 1) {
                throw new ArgumentException(present.get(1), "parameters are mutually exclusive: " + String.join("|", group));
            }
        }
    }

    private static boolean present(ModuleSpec spec, Map<String, Object> args, String name) {
        ArgSpec arg = spec.argument(name);
        return args.entrySet().stream().anyMatch(e -> e.getValue() != null && spec.argument(e.getKey()) == arg);
    }

    static boolean holdsTemplate(Object value) {
        if (value instanceof String s) {
            return s.contains("{{") || s.contains("{%");
        }
        if (value instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(ArgumentValidator::holdsTemplate)
                    || m.keySet().stream().anyMatch(ArgumentValidator::holdsTemplate);
        }
        if (value instanceof List<?> l) {
            return l.stream().anyMatch(ArgumentValidator::holdsTemplate);
        }
        return false;
    }

    static Object coerce(ModuleSpec spec, ArgSpec arg, Object value) {
        Object out = coerceType(arg.name(), arg.type(), value);
        if (arg.type() == ArgType.LIST && arg.elements() != null) {
            List<Object> items = new ArrayList<>();
            for (Object item : (List<?>) out) {
                items.add(coerceType(arg.name(), arg.elements(), item));
            }
            out = items;
        }
        if (!arg.choices().isEmpty()) {
            List<?> values = out instanceof List<?> l ? l : List.of(out);
            for (Object v : values) {
                String text = v instanceof Boolean b ? (b ? "true" : "false") : String.valueOf(v);
                if (!arg.choices().contains(text) && !(v instanceof Boolean && choicesHaveBoolean(arg, (Boolean) v))) {
                    throw new ArgumentException(arg.name(), "value of " + arg.name() + " must be one of: "
                            + String.join(", ", arg.choices()) + ", got: " + text);
                }
            }
            if (out instanceof Boolean b) {
                out = arg.choices().stream().filter(c -> isBoolWord(c, b)).findFirst().orElse(String.valueOf(b));
            }
        }
        return out;
    }

    private static boolean choicesHaveBoolean(ArgSpec arg, boolean value) {
        return arg.choices().stream().anyMatch(c -> isBoolWord(c, value));
    }

    private static boolean isBoolWord(String word, boolean value) {
        return (value ? AnsibleBoolean.TRUE_WORDS : AnsibleBoolean.FALSE_WORDS).contains(word.toLowerCase());
    }

    @SuppressWarnings("unchecked")
    static Object coerceType(String name, ArgType type, Object value) {
        switch (type) {
            case RAW:
                return value;
            case STR:
                if (value instanceof Map || value instanceof List) {
                    throw typeError(name, value, "str");
                }
                return value instanceof Boolean b ? (b ? "True" : "False") : String.valueOf(value);
            case PATH:
                String path = String.valueOf(value);
                return path.startsWith("~") ? System.getProperty("user.home") + path.substring(1) : path;
            case BOOL:
                try {
                    return AnsibleBoolean.parse(value, true);
                } catch (PythonError e) {
                    throw typeError(name, value, "bool");
                }
            case INT:
                if (value instanceof Integer || value instanceof Long) {
                    return value;
                }
                if (value instanceof Double d && d == Math.rint(d)) {
                    return d.longValue();
                }
                try {
                    long n = Long.parseLong(String.valueOf(value).trim());
                    return n == (int) n ? (Object) (int) n : n;
                } catch (NumberFormatException e) {
                    throw typeError(name, value, "int");
                }
            case FLOAT:
                if (value instanceof Number n) {
                    return n.doubleValue();
                }
                try {
                    return Double.parseDouble(String.valueOf(value).trim());
                } catch (NumberFormatException e) {
                    throw typeError(name, value, "float");
                }
            case LIST:
                if (value instanceof List) {
                    return value;
                }
                if (value instanceof String s) {
                    return s.isEmpty() ? List.of() : Arrays.stream(s.split(",")).map(String::trim).toList();
                }
                if (value instanceof Number || value instanceof Boolean) {
                    return List.of(String.valueOf(value));
                }
                throw typeError(name, value, "list");
            case DICT:
                if (value instanceof Map) {
                    return value;
                }
                if (value instanceof String s && s.trim().startsWith("{")) {
                    try {
                        return JSON.readValue(s, Map.class);
                    } catch (JsonProcessingException e) {
                        throw typeError(name, value, "dict");
                    }
                }
                if (value instanceof String s && s.contains("=")) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    for (String pair : s.trim().split("[\\s,]+")) {
                        int eq = pair.indexOf('=');
                        if (eq < 1) {
                            throw typeError(name, value, "dict");
                        }
                        out.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                    return out;
                }
                throw typeError(name, value, "dict");
            case JSONARG:
                if (value instanceof String) {
                    return value;
                }
                try {
                    return JSON.writeValueAsString(value);
                } catch (JsonProcessingException e) {
                    throw typeError(name, value, "jsonarg");
                }
            default:
                throw new IllegalStateException(type.toString());
        }
    }

    private static ArgumentException typeError(String name, Object value, String type) {
        String kind = value instanceof Map ? "dict" : value instanceof List ? "list" : value instanceof String ? "str"
                : value instanceof Boolean ? "bool" : value instanceof Number ? "number" : "value";
        return new ArgumentException(name, "argument '" + name + "' is of type " + kind
                + " and we were unable to convert to " + type + ": " + value);
    }
}
