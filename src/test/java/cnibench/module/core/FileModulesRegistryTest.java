package cnibench.module.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.Module;
import cnibench.module.spi.ModuleRegistry;
import cnibench.module.spi.ModuleSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileModulesRegistryTest {
    private static final List<String> NAMES = List.of("copy", "file", "template", "stat", "slurp", "lineinfile", "blockinfile",
            "replace", "tempfile", "find", "uri", "get_url", "apt", "package");

    @Test
    void everyModuleIsRegisteredUnderItsBuiltinNames() {
        ModuleRegistry registry = ModuleRegistry.load();
        for (String name : NAMES) {
            assertTrue(registry.contains(name), name);
            assertTrue(registry.contains("ansible.builtin." + name), name);
            assertTrue(registry.contains("ansible.legacy." + name), name);
        }
    }

    @Test
    void specsAreDocumented() {
        ModuleRegistry registry = ModuleRegistry.load();
        for (String name : NAMES) {
            Module module = registry.find(name).orElseThrow();
            ModuleSpec spec = module.spec();
            assertEquals(name, spec.name());
            assertFalse(spec.description().isBlank(), name);
            assertFalse(spec.examples().isBlank(), name);
            spec.arguments().values().forEach(a -> assertFalse(a.description().isBlank(), name + "." + a.name()));
            assertEquals(!name.equals("tempfile"), spec.supportsCheckMode(), name);
        }
    }
}
