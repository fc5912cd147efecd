package cnibench.connection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Runs tasks on this machine, as ansible_connection=local does. */
public final class LocalConnection implements Connection {

    @Override
    public String type() {
        return "local";
    }

    @Override
    public CommandResult exec(CommandRequest request) throws IOException {
        return ProcessRunner.run(List.of(), request);
    }

    @Override
    public Path path(String name) {
        return Path.of(name);
    }
}
