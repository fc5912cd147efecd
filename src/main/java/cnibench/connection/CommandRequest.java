package cnibench.connection;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One command to run on a host.
 *
 * @param argv     the program and its arguments (a shell command is {@code [sh, -c, text]})
 * @param stdin    text for standard input, or null
 * @param env      variables added to the environment
 * @param chdir    working directory, or null
 * @param timeout  how long it may take, or null for no limit
 * @param becomeUser run as this user (through sudo/su when not already that user), or null
 */
public record CommandRequest(List<String> argv, String stdin, Map<String, String> env, String chdir,
                             Duration timeout, String becomeUser) {

    public CommandRequest {
        argv = List.copyOf(argv);
        env = env == null ? Map.of() : Map.copyOf(env);
    }

    public static CommandRequest of(List<String> argv) {
        return new CommandRequest(argv, null, Map.of(), null, null, null);
    }

    public static CommandRequest shell(String command, String executable) {
        return of(List.of(executable == null ? "/bin/sh" : executable, "-c", command));
    }

    public CommandRequest withStdin(String text) {
        return new CommandRequest(argv, text, env, chdir, timeout, becomeUser);
    }

    public CommandRequest withEnv(Map<String, String> vars) {
        return new CommandRequest(argv, stdin, vars, chdir, timeout, becomeUser);
    }

    public CommandRequest withChdir(String dir) {
        return new CommandRequest(argv, stdin, env, dir, timeout, becomeUser);
    }

    public CommandRequest withTimeout(Duration limit) {
        return new CommandRequest(argv, stdin, env, chdir, limit, becomeUser);
    }

    public CommandRequest withBecomeUser(String user) {
        return new CommandRequest(argv, stdin, env, chdir, timeout, user);
    }
}
