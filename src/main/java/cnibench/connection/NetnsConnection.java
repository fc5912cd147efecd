package cnibench.connection;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs commands inside a Linux network namespace of this machine (`ip netns exec NAME`), the way
 * Ansible reaches kind nodes through the docker connection. The namespace shares this machine's
 * file system, so file modules work unchanged.
 */
public final class NetnsConnection implements Connection {
    private final String namespace;

    public NetnsConnection(String namespace) {
        this.namespace = namespace;
    }

    public String namespace() {
        return namespace;
    }

    @Override
    public String type() {
        return "netns";
    }

    @Override
    public CommandResult exec(CommandRequest request) throws IOException {
        return ProcessRunner.run(List.of("ip", "netns", "exec", namespace), request);
    }

    @Override
    public Path path(String name) {
        return Path.of(name);
    }
}
