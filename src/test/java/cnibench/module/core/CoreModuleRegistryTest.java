package cnibench.module.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgumentException;
import cnibench.module.spi.ArgumentValidator;
import cnibench.module.spi.Module;
import cnibench.module.spi.ModuleRegistry;
import cnibench.module.spi.ModuleSpec;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The exec, inventory and file modules of this package as the registry sees them. */
class CoreModuleRegistryTest {
    private static final List<String> FILE_MODULES = List.of("copy", "file", "template", "stat", "slurp", "lineinfile",
            "blockinfile", "replace", "tempfile", "find", "uri", "get_url", "apt", "package");
    private static final List<String> NAMES = Stream.concat(Stream.of("command", "shell", "raw", "script", "debug", "fail",
            "assert", "set_fact", "add_host", "group_by", "include_vars", "pause", "wait_for", "setup"), FILE_MODULES.stream()).toList();

    @Test
    void everyModuleIsRegisteredUnderItsNames() {
        ModuleRegistry registry = ModuleRegistry.load();
        for (String name : NAMES) {
            assertTrue(registry.contains(name), name);
            assertTrue(registry.contains("ansible.builtin." + name), name);
            assertTrue(registry.contains("ansible.legacy." + name), name);
            assertEquals(name, registry.find("ansible.builtin." + name).orElseThrow().spec().name());
        }
    }

    @Test
    void everySpecIsDocumented() {
        for (Module module : ModuleRegistry.load().all()) {
            ModuleSpec spec = module.spec();
            if (!NAMES.contains(spec.name())) {
                continue;
            }
            assertFalse(spec.description().isBlank(), spec.name());
            assertTrue(spec.examples().contains("ansible.builtin." + spec.name() + ":"), spec.name());
            for (ArgSpec arg : spec.arguments().values()) {
                assertFalse(arg.description() == null || arg.description().isBlank(), spec.name() + "." + arg.name());
            }
        }
    }

    @Test
    void fileModulesButTempfileSupportCheckMode() {
        ModuleRegistry registry = ModuleRegistry.load();
        for (String name : FILE_MODULES) {
            assertEquals(!name.equals("tempfile"), registry.find(name).orElseThrow().spec().supportsCheckMode(), name);
        }
    }

    @Test
    void unknownArgumentsAreRejectedUnlessTheModuleTakesAny() {
        ArgumentException e = assertThrows(ArgumentException.class,
                () -> ArgumentValidator.checkStatic(new FailModule().spec(), Map.of("mgs", "x")));
        assertEquals("Unsupported parameters for (fail) module: mgs. Supported parameters include: msg.", e.getMessage());
        ArgumentValidator.checkStatic(new AddHostModule().spec(), Map.of("name", "h", "any_var", 1));
    }
}
