package cnibench.module.core;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;
import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import java.io.Console;
import java.time.LocalDateTime;
import java.util.List;

/**
 * ansible.builtin.pause: waits a number of seconds or minutes, or until the user presses enter.
 * Without an interactive terminal a prompt is not waited for, with Ansible's warning.
 */
public final class PauseModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = ModuleSpec.builder("pause").builtin()
            .description("Pauses playbook execution for a set amount of time, or until a prompt is acknowledged.")
            .checkMode()
            .arg(ArgSpec.of("minutes", ArgType.INT, "A positive number of minutes to pause for."))
            .arg(ArgSpec.of("seconds", ArgType.INT, "A positive number of seconds to pause for (at least 1)."))
            .arg(ArgSpec.of("prompt", ArgType.STR, "Optional text to use for the prompt message."))
            .arg(ArgSpec.of("echo", ArgType.BOOL, "Whether the keyboard input is shown when typing.").defaultValue(true))
            .mutuallyExclusive("minutes", "seconds")
            .examples("""
                    - name: Let the CNI agents settle
                      ansible.builtin.pause:
                        seconds: 30

                    - name: Ask before tearing down
                      ansible.builtin.pause:
                        prompt: Press enter to delete the cluster
                    """)
            .build();

    public PauseModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext context, Arguments args) throws InterruptedException {
        boolean echo = args.bool("echo");
        String hidden = echo ? "" : " (output is hidden)";
        String prompt = (args.has("prompt") ? args.str("prompt") : "Press enter to continue, Ctrl+C to interrupt") + hidden + ":";
        Integer seconds = args.has("minutes") ? Integer.valueOf(args.integer("minutes") * 60) : args.integer("seconds");
        String unit = args.has("seconds") ? "seconds" : "minutes";
        ModuleResult result = ModuleResult.changed(false).put("rc", 0).put("stderr", "");
        long started = System.nanoTime();
        LocalDateTime start = PythonText.now();
        String input = "";
        if (seconds != null) {
            seconds = Math.max(seconds, 1);
            context.progress("Pausing for " + seconds + " seconds" + hidden);
            if (args.has("prompt")) {
                context.progress(prompt);
            }
            Thread.sleep(seconds * 1000L);
        } else {
            context.progress(prompt);
            Console console = System.console();
            if (console == null) {
                result.put("warnings", List.of("Not waiting for response to prompt as stdin is not interactive"));
            } else {
                String line = echo ? console.readLine() : new String(console.readPassword());
                input = line == null ? "" : line;
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        double shown = unit.equals("minutes") ? elapsed / 60.0 : elapsed;
        return result.put("start", PythonText.datetime(start))
                .put("stop", PythonText.datetime(PythonText.now()))
                .put("delta", (int) elapsed)
                .put("stdout", "Paused for " + Math.round(shown * 100) / 100.0 + " " + unit)
                .put("echo", echo)
                .put("user_input", input);
    }
}
