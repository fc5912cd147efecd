package cnibench.module.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate_argument_spec: variables of the spec's names are checked; provided_arguments win over them. */
class ValidateArgumentSpecModuleTest {
    @TempDir
    Path tmp;

    private static final Map<String, Object> SPEC = Map.of(
            "port", Map.of("type", "int", "required", true),
            "names", Map.of("type", "list", "elements", "str"));

    @Test
    void variablesOfTheSpecsNamesAreChecked() throws Exception {
        ModuleResult ok = new TestModuleContext(tmp).var("port", "80")
                .run(new ValidateArgumentSpecModule(), Args.of("argument_spec", SPEC));
        assertFalse(ok.isFailed());
        assertEquals("The arg spec validation passed", ok.msg());
        ModuleResult bad = new TestModuleContext(tmp).var("port", "eighty")
                .run(new ValidateArgumentSpecModule(), Args.of("argument_spec", SPEC));
        assertTrue(bad.isFailed());
        assertEquals(List.of("argument 'port' is of type str and we were unable to convert to int: eighty"), bad.field("argument_errors"));
    }

    @Test
    void providedArgumentsWin() throws Exception {
        ModuleResult r = new TestModuleContext(tmp).var("port", "eighty").run(new ValidateArgumentSpecModule(),
                Args.of("argument_spec", SPEC, "provided_arguments", Map.of("port", 8080)));
        assertFalse(r.isFailed());
        ModuleResult missing = new TestModuleContext(tmp).run(new ValidateArgumentSpecModule(), Args.of("argument_spec", SPEC));
        assertEquals("Validation of arguments failed:\nmissing required arguments: port", missing.msg());
    }
}
