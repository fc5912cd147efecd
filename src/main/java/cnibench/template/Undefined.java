package cnibench.template;

import cnibench.python.PyTypeName;
import com.hubspot.jinjava.util.HasObjectTruthValue;
import java.util.Iterator;

/**
 * A value that does not exist (Jinja's StrictUndefined): only {@code is defined}, {@code default}
 * and attribute access accept it; printing it, testing its truth, looping over it or converting it
 * raises the error it carries.
 */
final class Undefined implements HasObjectTruthValue, Iterable<Object> {
    private final UndefinedVariableError error;

    private Undefined(UndefinedVariableError error) {
        this.error = error;
    }

    /** A variable with no value. */
    static Undefined variable(String name) {
        return new Undefined(new UndefinedVariableError(name));
    }

    /** A missing attribute or key of an existing object, worded as Ansible does. */
    static Undefined attribute(Object base, Object attribute) {
        String message = "'" + PyTypeName.of(base) + " object' has no attribute '" + attribute + "'";
        return new Undefined(new UndefinedVariableError(String.valueOf(attribute), message));
    }

    static Undefined of(UndefinedVariableError error) {
        return new Undefined(error);
    }

    UndefinedVariableError error() {
        return error;
    }

    /** Throws when the value is undefined; returns it otherwise. */
    static Object require(Object value) {
        if (value instanceof Undefined u) {
            throw u.error;
        }
        return value;
    }

    @Override
    public boolean getObjectTruthValue() {
        throw error;
    }

    /** Looping over it (`{% for x in missing %}`) raises too. */
    @Override
    public Iterator<Object> iterator() {
        throw error;
    }

    @Override
    public String toString() {
        throw error;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public boolean equals(Object other) {
        throw error;
    }
}
