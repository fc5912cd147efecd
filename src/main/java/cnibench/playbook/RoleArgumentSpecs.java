package cnibench.playbook;

import cnibench.module.spi.Module;
import cnibench.source.Position;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A role's argument specs (meta/argument_specs.yml, or argument_specs in meta/main.yml), and the
 * validation task Ansible puts first in the role's tasks for the entry point that has a spec.
 */
final class RoleArgumentSpecs {
    static final String VALIDATE = "ansible.builtin.validate_argument_spec";

    private RoleArgumentSpecs() {
    }

    /** Entry point name -> its spec (short_description, options, ...). */
    static Map<String, Map<String, Object>> of(Map<?, ?> specs) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        specs.forEach((entry, spec) -> {
            Map<String, Object> copy = new LinkedHashMap<>();
            if (spec instanceof Map<?, ?> m) {
                m.forEach((k, v) -> copy.put(String.valueOf(k), v));
            }
            out.put(String.valueOf(entry), copy);
        });
        return out;
    }

    /** The validation task (running `validator`) for an entry point, or null when the role has no spec for it. */
    static Task validationTask(Role role, String entryPoint, Scope parent, Position at, Module validator) {
        Map<String, Object> spec = role.argumentSpecs().get(entryPoint);
        if (spec == null) {
            return null;
        }
        Object description = spec.get("short_description");
        Map<String, Object> keywords = new LinkedHashMap<>();
        keywords.put("name", "Validating arguments against arg spec '" + entryPoint + "'"
                + (description == null ? "" : " - " + description));
        keywords.put("tags", List.of("always"));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("argument_spec_name", entryPoint);
        context.put("name", role.name());
        context.put("path", role.path().toString());
        context.put("type", "role");
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("argument_spec", spec.get("options") instanceof Map<?, ?> options ? options : Map.of());
        args.put("validate_args_context", context);
        Path file = role.path().resolve("meta");
        return new Task(parent, keywords, at, VALIDATE, validator, args, file.resolve("main.yml"), false);
    }
}
