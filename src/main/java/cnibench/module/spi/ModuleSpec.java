package cnibench.module.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a module is called and what it accepts; checked at load time so that a bad argument fails
 * with the task's position before anything runs. {@code runner doc} prints it.
 *
 * @param freeForm the module takes a free-form string (command, shell) stored as {@code _raw_params}
 * @param acceptsAnyArgument names beyond the declared ones are the module's data (set_fact, add_host)
 * @param showsOnlyOutput the terminal shows only what the module prints (its msg or variable), not the
 *                        common result keys, as ansible-playbook shows debug
 */
public record ModuleSpec(String name, List<String> aliases, String description, Map<String, ArgSpec> arguments,
                         List<List<String>> mutuallyExclusive, List<List<String>> requiredOneOf, boolean freeForm,
                         boolean supportsCheckMode, boolean supportsDiff, String examples,
                         boolean acceptsAnyArgument, boolean showsOnlyOutput) {

    /** The namespace of cnibench's own modules: any FQCN in it but theirs is a mistake, not another collection. */
    public static final String OWN_NAMESPACE = "cnibench";
    /** The one collection those modules (not Ansible's, not a collection's they mirror) are named in. */
    public static final String OWN_COLLECTION = OWN_NAMESPACE + ".bench";

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Every name the module answers to: its short name and its FQCN aliases. */
    public List<String> names() {
        List<String> all = new ArrayList<>();
        all.add(name);
        all.addAll(aliases);
        return all;
    }

    /** The spec of an argument by its name or one of its aliases, or null. */
    public ArgSpec argument(String nameOrAlias) {
        ArgSpec direct = arguments.get(nameOrAlias);
        if (direct != null) {
            return direct;
        }
        for (ArgSpec spec : arguments.values()) {
            if (spec.aliases().contains(nameOrAlias)) {
                return spec;
            }
        }
        return null;
    }

    public static final class Builder {
        private final String name;
        private final List<String> aliases = new ArrayList<>();
        private String description = "";
        private final Map<String, ArgSpec> arguments = new LinkedHashMap<>();
        private final List<List<String>> mutuallyExclusive = new ArrayList<>();
        private final List<List<String>> requiredOneOf = new ArrayList<>();
        private boolean freeForm;
        private boolean checkMode;
        private boolean diff;
        private String examples = "";
        private boolean anyArgument;
        private boolean onlyOutput;

        private Builder(String name) {
            this.name = name;
        }

        /** Adds ansible.builtin.NAME and ansible.legacy.NAME. */
        public Builder builtin() {
            aliases.add("ansible.builtin." + name);
            aliases.add("ansible.legacy." + name);
            return this;
        }

        /** Adds OWN_COLLECTION.NAME, the only FQCN of a module that is cnibench's own. */
        public Builder own() {
            aliases.add(OWN_COLLECTION + "." + name);
            return this;
        }

        public Builder alias(String... names) {
            aliases.addAll(List.of(names));
            return this;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        public Builder arg(ArgSpec spec) {
            arguments.put(spec.name(), spec);
            return this;
        }

        public Builder mutuallyExclusive(String... names) {
            mutuallyExclusive.add(List.of(names));
            return this;
        }

        public Builder requiredOneOf(String... names) {
            requiredOneOf.add(List.of(names));
            return this;
        }

        public Builder freeForm() {
            this.freeForm = true;
            return this;
        }

        public Builder checkMode() {
            this.checkMode = true;
            return this;
        }

        public Builder diff() {
            this.diff = true;
            return this;
        }

        public Builder examples(String text) {
            this.examples = text;
            return this;
        }

        /** Lets undeclared argument names through: they are data for the module. */
        public Builder acceptsAnyArgument() {
            this.anyArgument = true;
            return this;
        }

        /** The terminal shows only the module's own output, not changed/failed/skipped (see the record). */
        public Builder showsOnlyOutput() {
            this.onlyOutput = true;
            return this;
        }

        public ModuleSpec build() {
            return new ModuleSpec(name, List.copyOf(aliases), description, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arguments)),
                    List.copyOf(mutuallyExclusive), List.copyOf(requiredOneOf), freeForm, checkMode, diff, examples, anyArgument,
                    onlyOutput);
        }
    }
}
