package cnibench.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Access to src/test/resources/inventory fixtures. */
final class Fixtures {
    private Fixtures() {
    }

    static Path dir() {
        try {
            return Path.of(Fixtures.class.getResource("/inventory").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Inventory load(String... sources) {
        return InventoryLoader.load(List.of(sources), dir());
    }

    /** An expected output recorded from ansible-core 2.14, without the newline display() adds. */
    static String expected(String name) {
        try {
            return Files.readString(dir().resolve("expected").resolve(name)).stripTrailing();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
