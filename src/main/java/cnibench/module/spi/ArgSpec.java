package cnibench.module.spi;

import java.util.List;

/**
 * One argument a module accepts.
 *
 * @param elements the type of list items, or null
 */
public record ArgSpec(String name, ArgType type, boolean required, Object defaultValue, List<String> choices,
                      List<String> aliases, ArgType elements, String description, boolean noLog) {

    public ArgSpec {
        choices = choices == null ? List.of() : List.copyOf(choices);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public static ArgSpec of(String name, ArgType type, String description) {
        return new ArgSpec(name, type, false, null, List.of(), List.of(), null, description, false);
    }

    public ArgSpec asRequired() {
        return new ArgSpec(name, type, true, defaultValue, choices, aliases, elements, description, noLog);
    }

    public ArgSpec defaultValue(Object value) {
        return new ArgSpec(name, type, required, value, choices, aliases, elements, description, noLog);
    }

    public ArgSpec choices(String... values) {
        return new ArgSpec(name, type, required, defaultValue, List.of(values), aliases, elements, description, noLog);
    }

    public ArgSpec aliases(String... names) {
        return new ArgSpec(name, type, required, defaultValue, choices, List.of(names), elements, description, noLog);
    }

    public ArgSpec elements(ArgType type) {
        return new ArgSpec(name, this.type, required, defaultValue, choices, aliases, type, description, noLog);
    }

    public ArgSpec asNoLog() {
        return new ArgSpec(name, type, required, defaultValue, choices, aliases, elements, description, true);
    }
}
