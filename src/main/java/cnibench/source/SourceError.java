package cnibench.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A problem with the user's input, tied to where it was written. Rendered the way
 * ansible-playbook renders its load errors: message, location, the offending line and a caret.
 */
public class SourceError extends RuntimeException {
    private final Position position;

    public SourceError(String message, Position position) {
        super(message);
        this.position = position == null ? Position.UNKNOWN : position;
    }

    public SourceError(String message, Position position, Throwable cause) {
        super(message, cause);
        this.position = position == null ? Position.UNKNOWN : position;
    }

    public Position position() {
        return position;
    }

    /** Message, position and a snippet with a caret under the column. */
    public String render() {
        StringBuilder out = new StringBuilder(getMessage());
        if (!position.known()) {
            return out.toString();
        }
        out.append("\n\n").append(ErrorContext.location(position.file(), position.line(), position.column()));
        String snippet = snippet(position);
        if (!snippet.isEmpty()) {
            out.append("\nThe offending line appears to be:\n\n").append(snippet);
        }
        return out.toString();
    }

    static String snippet(Position position) {
        try {
            List<String> lines = Files.readAllLines(Path.of(position.file()));
            int index = position.line() - 1;
            if (index < 0 || index >= lines.size()) {
                return "";
            }
            StringBuilder out = new StringBuilder();
            if (index > 0) {
                out.append(lines.get(index - 1)).append('\n');
            }
            out.append(lines.get(index)).append('\n');
            out.append(" ".repeat(Math.max(0, position.column() - 1))).append("^ here\n");
            return out.toString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
