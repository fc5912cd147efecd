package cnibench.connection;

/** What a command left: exit code and both outputs, each without its final newline. */
public record CommandResult(int rc, String stdout, String stderr) {
    public boolean ok() {
        return rc == 0;
    }
}
