package cnibench.connection;

import java.io.IOException;
import java.nio.file.Path;

/**
 * How a task reaches its host. The local connection and the network-namespace connection share
 * this machine's file system, so file modules work on {@link #path(String)} directly.
 */
public interface Connection extends AutoCloseable {
    /** local, netns, ... as given by ansible_connection. */
    String type();

    CommandResult exec(CommandRequest request) throws IOException, InterruptedException;

    /** A path on the host, for the file-handling modules. */
    Path path(String name);

    @Override
    default void close() {
    }
}
