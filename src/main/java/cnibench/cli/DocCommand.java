package cnibench.cli;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.Module;
import cnibench.module.spi.ModuleRegistry;
import cnibench.module.spi.ModuleSpec;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `runner doc`: a module's documentation, printed from its own argument spec. */
@Command(name = "doc", mixinStandardHelpOptions = true, description = "Show module documentation.")
final class DocCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "MODULE")
    String module;
    @Option(names = {"-l", "--list"})
    boolean list;

    @Override
    public Integer call() {
        ModuleRegistry registry = ModuleRegistry.load();
        if (list || module == null) {
            for (Module m : registry.all()) {
                System.out.printf("%-30s %s%n", m.spec().name(), firstLine(m.spec().description()));
            }
            return 0;
        }
        Module m = registry.find(module).orElse(null);
        if (m == null) {
            String hint = registry.closest(module);
            System.err.println("ERROR! module " + module + " not found" + (hint == null ? "" : "; did you mean " + hint + "?"));
            return 1;
        }
        ModuleSpec spec = m.spec();
        System.out.println("> " + spec.name().toUpperCase() + "    (" + String.join(", ", spec.aliases()) + ")");
        System.out.println();
        System.out.println("  " + spec.description().replace("\n", "\n  "));
        System.out.println();
        System.out.println("OPTIONS (= is mandatory):");
        for (ArgSpec a : spec.arguments().values()) {
            System.out.println();
            System.out.println((a.required() ? "= " : "- ") + a.name());
            if (a.description() != null && !a.description().isEmpty()) {
                System.out.println("        " + a.description().replace("\n", "\n        "));
            }
            if (!a.aliases().isEmpty()) {
                System.out.println("        aliases: [" + String.join(", ", a.aliases()) + "]");
            }
            if (!a.choices().isEmpty()) {
                System.out.println("        choices: [" + String.join(", ", a.choices()) + "]");
            }
            if (a.defaultValue() != null) {
                System.out.println("        default: " + a.defaultValue());
            }
            System.out.println("        type: " + a.type().ansibleName() + (a.elements() != null ? " (elements: " + a.elements().ansibleName() + ")" : ""));
        }
        System.out.println();
        System.out.println("ATTRIBUTES:");
        System.out.println("        check_mode: " + (spec.supportsCheckMode() ? "full" : "none"));
        System.out.println("        diff_mode: " + (spec.supportsDiff() ? "full" : "none"));
        if (spec.freeForm()) {
            System.out.println("        free_form: the module takes a free-form command");
        }
        if (!spec.examples().isEmpty()) {
            System.out.println();
            System.out.println("EXAMPLES:");
            System.out.println(spec.examples());
        }
        return 0;
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
