package cnibench.python;

import java.util.Set;

/**
 * Strings read as booleans: Ansible's boolean() (module_utils.parsing.convert_bool, used for module
 * arguments and set_fact) and the looser reading of Jinja's bool filter.
 */
public final class AnsibleBoolean {
    public static final Set<String> TRUE_WORDS = Set.of("y", "yes", "on", "1", "true", "t");
    public static final Set<String> FALSE_WORDS = Set.of("n", "no", "off", "0", "false", "f");
    private static final Set<String> FILTER_TRUE_WORDS = Set.of("yes", "on", "1", "true");
    private static final String VALID = "'no', 1, 'y', 0, 'off', 'yes', 't', 'f', 'true', '0', 'false', '1', 'n', 'on'";

    private AnsibleBoolean() {
    }

    /** boolean(value, strict): text is lower-cased and stripped; the numbers 1 and 0 count; strict rejects the rest. */
    public static boolean parse(Object value, boolean strict) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n && (n.doubleValue() == 1 || n.doubleValue() == 0)) {
            return n.doubleValue() == 1;
        }
        String word = value instanceof CharSequence text ? text.toString().toLowerCase().strip() : "";
        if (TRUE_WORDS.contains(word)) {
            return true;
        }
        if (FALSE_WORDS.contains(word) || !strict) {
            return false;
        }
        throw new PythonError("The value '" + PyRepr.str(value) + "' is not a valid boolean.  Valid booleans include: " + VALID);
    }

    /** The bool filter (to_bool) on a value that is not None: yes, on, 1 and true in any case, or the number 1. */
    public static boolean ofBoolFilter(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() == 1;
        }
        return value != null && FILTER_TRUE_WORDS.contains(PyRepr.str(value).toLowerCase());
    }
}
