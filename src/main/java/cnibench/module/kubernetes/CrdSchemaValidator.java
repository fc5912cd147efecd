package cnibench.module.kubernetes;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks an object against a CustomResourceDefinition as the API server would before storing it: the kind and
 * a served apiVersion, then the version's openAPIV3Schema (type, properties, required, items, enum, pattern,
 * formats ipv4/ipv6/cidr/int32/int64, bounds on numbers, strings, lists and maps, oneOf/anyOf/allOf/not,
 * additionalProperties, nullable, x-kubernetes-int-or-string and x-kubernetes-preserve-unknown-fields).
 * CEL rules (x-kubernetes-validations) are not evaluated. Unknown fields are reported, as strict field
 * validation does. Messages follow the API server's "path: Reason: detail" style.
 */
public final class CrdSchemaValidator {
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    /** The problems found; empty when the object is valid. */
    @SuppressWarnings("unchecked")
    public List<String> validate(Map<String, Object> crd, Map<String, Object> object) {
        List<String> errors = new ArrayList<>();
        String group = String.valueOf(Manifests.at(crd, "spec", "group"));
        String kind = String.valueOf(Manifests.at(crd, "spec", "names", "kind"));
        String crdName = String.valueOf(Manifests.at(crd, "metadata", "name"));
        if (!kind.equals(object.get("kind"))) {
            errors.add("kind: Invalid value: \"" + object.get("kind") + "\": CustomResourceDefinition " + crdName + " defines kind " + kind);
            return errors;
        }
        String apiVersion = String.valueOf(object.get("apiVersion"));
        List<Map<String, Object>> versions = Manifests.at(crd, "spec", "versions") instanceof List<?> l
                ? (List<Map<String, Object>>) l : List.of();
        List<String> served = versions.stream().filter(v -> !Boolean.FALSE.equals(v.get("served")))
                .map(v -> group + "/" + v.get("name")).toList();
        Map<String, Object> version = versions.stream()
                .filter(v -> apiVersion.equals(group + "/" + v.get("name")) && !Boolean.FALSE.equals(v.get("served")))
                .findFirst().orElse(null);
        if (version == null) {
            errors.add("apiVersion: Unsupported value: \"" + apiVersion + "\": CustomResourceDefinition " + crdName
                    + " serves " + String.join(", ", served));
            return errors;
        }
        Object schema = Manifests.at(version, "schema", "openAPIV3Schema");
        if (schema == null) {
            schema = Manifests.at(crd, "spec", "validation", "openAPIV3Schema");
        }
        if (schema instanceof Map<?, ?> s) {
            Map<String, Object> body = Manifests.deepCopy(object);
            body.remove("status");
            check((Map<String, Object>) s, body, "", errors);
        }
        return errors;
    }

    @SuppressWarnings("unchecked")
    private void check(Map<String, Object> schema, Object value, String path, List<String> errors) {
        if (value == null) {
            if (Boolean.TRUE.equals(schema.get("nullable"))) {
                return;
            }
            // the API server prunes nulls of non-nullable fields, so they count as absent
            return;
        }
        if (Boolean.TRUE.equals(schema.get("x-kubernetes-int-or-string"))) {
            if (!(value instanceof String || isInteger(value))) {
                errors.add(invalid(path, value, "must be an integer or a string"));
                return;
            }
        } else if (schema.get("type") instanceof String type && !hasType(value, type)) {
            errors.add(invalid(path, value, "must be of type " + type));
            return;
        }
        checkEnum(schema, value, path, errors);
        if (value instanceof String text) {
            checkString(schema, text, path, errors);
        }
        if (value instanceof Number number) {
            checkNumber(schema, number, path, errors);
        }
        if (value instanceof List<?> list) {
            checkList(schema, list, path, errors);
        }
        if (value instanceof Map<?, ?> map) {
            checkObject(schema, (Map<String, Object>) map, path, errors);
        }
        checkCombinators(schema, value, path, errors);
    }

    private void checkEnum(Map<String, Object> schema, Object value, String path, List<String> errors) {
        if (schema.get("enum") instanceof List<?> allowed && allowed.stream().noneMatch(a -> SubsetMatch.contains(value, a) && SubsetMatch.contains(a, value))) {
            errors.add(field(path) + ": Unsupported value: " + quote(value) + ": supported values: "
                    + allowed.stream().map(CrdSchemaValidator::quote).collect(Collectors.joining(", ")));
        }
    }

    private void checkString(Map<String, Object> schema, String text, String path, List<String> errors) {
        int length = text.codePointCount(0, text.length());
        if (schema.get("maxLength") instanceof Number max && length > max.intValue()) {
            errors.add(field(path) + ": Too long: may not be more than " + max + " bytes");
        }
        if (schema.get("minLength") instanceof Number min && length < min.intValue()) {
            errors.add(invalid(path, text, "should be at least " + min + " chars long"));
        }
        if (schema.get("pattern") instanceof String pattern
                && !PATTERNS.computeIfAbsent(pattern, Pattern::compile).matcher(text).find()) {
            errors.add(invalid(path, text, "should match '" + pattern + "'"));
        }
        if (schema.get("format") instanceof String format && !hasFormat(text, format)) {
            errors.add(invalid(path, text, "must be of format " + format));
        }
    }

    private void checkNumber(Map<String, Object> schema, Number number, String path, List<String> errors) {
        BigDecimal value = new BigDecimal(number.toString());
        if (schema.get("minimum") instanceof Number min) {
            int cmp = value.compareTo(new BigDecimal(min.toString()));
            boolean exclusive = Boolean.TRUE.equals(schema.get("exclusiveMinimum"));
            if (cmp < 0 || exclusive && cmp == 0) {
                errors.add(invalid(path, number, "should be greater than " + (exclusive ? "" : "or equal to ") + min));
            }
        }
        if (schema.get("maximum") instanceof Number max) {
            int cmp = value.compareTo(new BigDecimal(max.toString()));
            boolean exclusive = Boolean.TRUE.equals(schema.get("exclusiveMaximum"));
            if (cmp > 0 || exclusive && cmp == 0) {
                errors.add(invalid(path, number, "should be less than " + (exclusive ? "" : "or equal to ") + max));
            }
        }
        if ("int32".equals(schema.get("format")) && (value.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0
                || value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0)) {
            errors.add(invalid(path, number, "must be of format int32"));
        }
    }

    @SuppressWarnings("unchecked")
    private void checkList(Map<String, Object> schema, List<?> list, String path, List<String> errors) {
        if (schema.get("maxItems") instanceof Number max && list.size() > max.intValue()) {
            errors.add(field(path) + ": Too many: " + list.size() + ": must have at most " + max + " items");
        }
        if (schema.get("minItems") instanceof Number min && list.size() < min.intValue()) {
            errors.add(invalid(path, list.size(), "should have at least " + min + " items"));
        }
        if (schema.get("items") instanceof Map<?, ?> items) {
            for (int i = 0; i < list.size(); i++) {
                check((Map<String, Object>) items, list.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void checkObject(Map<String, Object> schema, Map<String, Object> map, String path, List<String> errors) {
        if (schema.get("required") instanceof List<?> required) {
            for (Object name : required) {
                if (map.get(String.valueOf(name)) == null) {
                    errors.add(child(path, String.valueOf(name)) + ": Required value");
                }
            }
        }
        if (schema.get("maxProperties") instanceof Number max && map.size() > max.intValue()) {
            errors.add(field(path) + ": Too many: " + map.size() + ": must have at most " + max + " items");
        }
        Map<String, Object> properties = schema.get("properties") instanceof Map<?, ?> p ? (Map<String, Object>) p : null;
        Object additional = schema.get("additionalProperties");
        boolean preserveUnknown = Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"));
        for (Map.Entry<String, Object> e : map.entrySet()) {
            String childPath = child(path, e.getKey());
            if (path.isEmpty() && e.getKey().equals("metadata")) {
                continue; // checked by the API server's ObjectMeta rules, not the CRD schema
            }
            if (properties != null && properties.get(e.getKey()) instanceof Map<?, ?> propertySchema) {
                check((Map<String, Object>) propertySchema, e.getValue(), childPath, errors);
            } else if (additional instanceof Map<?, ?> additionalSchema) {
                check((Map<String, Object>) additionalSchema, e.getValue(), childPath, errors);
            } else if (properties != null && !preserveUnknown && !Boolean.TRUE.equals(additional)
                    && !(path.isEmpty() && (e.getKey().equals("apiVersion") || e.getKey().equals("kind")))) {
                errors.add("unknown field \"" + childPath + "\"");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void checkCombinators(Map<String, Object> schema, Object value, String path, List<String> errors) {
        if (schema.get("allOf") instanceof List<?> all) {
            for (Object sub : all) {
                check((Map<String, Object>) sub, value, path, errors);
            }
        }
        if (schema.get("oneOf") instanceof List<?> one) {
            long matching = one.stream().filter(sub -> matches((Map<String, Object>) sub, value, path)).count();
            if (matching != 1) {
                errors.add(field(path) + ": Invalid value: must match exactly one schema in oneOf, matched " + matching);
            }
        }
        if (schema.get("anyOf") instanceof List<?> any && any.stream().noneMatch(sub -> matches((Map<String, Object>) sub, value, path))) {
            errors.add(field(path) + ": Invalid value: must match at least one schema in anyOf");
        }
        if (schema.get("not") instanceof Map<?, ?> not && matches((Map<String, Object>) not, value, path)) {
            errors.add(field(path) + ": Invalid value: must not match the schema in not");
        }
    }

    /** Whether a value satisfies a sub-schema of oneOf/anyOf/not, which constrain without declaring fields. */
    private boolean matches(Map<String, Object> schema, Object value, String path) {
        List<String> found = new ArrayList<>();
        check(schema, value, path, found);
        return found.stream().noneMatch(e -> !e.startsWith("unknown field"));
    }

    private static boolean hasType(Object value, String type) {
        return switch (type) {
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            case "string" -> value instanceof String;
            case "integer" -> isInteger(value);
            case "number" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            default -> true;
        };
    }

    private static boolean isInteger(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger
                || value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !(value instanceof Float);
    }

    private static boolean hasFormat(String text, String format) {
        return switch (format) {
            case "ipv4" -> isIpv4(text);
            case "ipv6" -> text.contains(":") && isIpLiteral(text);
            case "ip" -> isIpv4(text) || text.contains(":") && isIpLiteral(text);
            case "cidr" -> isCidr(text);
            default -> true;
        };
    }

    private static boolean isIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (!part.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpLiteral(String text) {
        if (!text.matches("[0-9A-Fa-f:.]+")) {
            return false; // only literals: never a name lookup
        }
        try {
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isCidr(String text) {
        int slash = text.indexOf('/');
        if (slash < 0 || !text.substring(slash + 1).matches("[0-9]{1,3}")) {
            return false;
        }
        String address = text.substring(0, slash);
        int prefix = Integer.parseInt(text.substring(slash + 1));
        return isIpv4(address) ? prefix <= 32 : address.contains(":") && isIpLiteral(address) && prefix <= 128;
    }

    private static String invalid(String path, Object value, String detail) {
        return field(path) + ": Invalid value: " + quote(value) + ": " + detail;
    }

    private static String field(String path) {
        return path.isEmpty() ? "<root>" : path;
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String quote(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
