package cnibench.source;

import java.nio.file.Path;

/** Where a value came from: file, 1-based line and column. */
public record Position(String file, int line, int column) {

    public static final Position UNKNOWN = new Position("<unknown>", 0, 0);

    public static Position of(Path file, int line, int column) {
        return new Position(file.toString(), line, column);
    }

    public boolean known() {
        return line > 0;
    }

    @Override
    public String toString() {
        return known() ? file + ":" + line + ":" + column : file;
    }
}
