package cnibench.module.core;

import cnibench.module.spi.ArgSpec;
import cnibench.module.spi.ArgType;
import cnibench.module.spi.Arguments;

import cnibench.module.spi.FixedSpecModule;
import cnibench.module.spi.ModuleContext;
import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.ModuleSpec;
import cnibench.python.PythonError;
import cnibench.python.ShellWords;
import java.util.List;

/** ansible.builtin.command: runs a program with its arguments, without a shell. */
public final class CommandModule extends FixedSpecModule {
    private static final ModuleSpec SPEC = CommandTask.commonArguments(ModuleSpec.builder("command").builtin())
            .description("Execute commands on targets. The command is not processed through the shell, so variables"
                    + " like $HOME and operations like <, >, |, ; and & do not work (use shell for those).")
            .arg(ArgSpec.of("argv", ArgType.LIST, "Passes the command as a list rather than a string.").elements(ArgType.STR))
            .arg(ArgSpec.of("executable", ArgType.STR, "Not supported by command (a warning is given); use shell."))
            .examples("""
                    - name: Return motd to registered var
                      ansible.builtin.command: cat /etc/motd
                      register: mymotd

                    - name: Run a command only when the file does not exist yet
                      ansible.builtin.command: /usr/bin/make_database.sh db_user db_name
                      args:
                        chdir: somedir/
                        creates: /path/to/database

                    - name: Use argv to pass arguments that contain spaces
                      ansible.builtin.command:
                        argv:
                          - /usr/bin/make_database.sh
                          - Username with whitespace
                          - dbname with whitespace
                    """)
            .build();

    public CommandModule() {
        super(SPEC);
    }

    @Override
    public ModuleResult run(ModuleContext context, Arguments args) throws Exception {
        String text = CommandTask.commandText(args);
        List<String> argv = args.strings("argv");
        ModuleResult notGiven = CommandTask.checkGiven(text, argv);
        if (notGiven != null) {
            return notGiven;
        }
        List<String> words;
        try {
            words = argv.isEmpty() ? ShellWords.split(text) : argv;
        } catch (PythonError e) {
            return CommandTask.finish(CommandTask.emptyResult(text).setFailed(true).msg(e.getMessage()));
        }
        return CommandTask.run(context, args, words, null, CommandTask.warningsFor(false, args.str("executable")));
    }
}
