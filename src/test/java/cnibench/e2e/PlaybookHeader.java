package cnibench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import cnibench.python.ShellWords;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a conformance playbook wants to be run, read from comment lines at its top:
 * {@code # args: --tags x -i hosts.ini -e '{a: 1}'} (extra command-line arguments, split as a shell does) and {@code # runs: 2}
 * (run twice over the same work_dir; the second run must change nothing).
 */
record PlaybookHeader(List<String> args, int runs) {

    static PlaybookHeader of(Path playbook) {
        List<String> args = new ArrayList<>();
        int runs = 1;
        try {
            for (String line : Files.readAllLines(playbook)) {
                if (!line.startsWith("#")) {
                    break;
                }
                String text = line.substring(1).strip();
                if (text.startsWith("args:")) {
                    args.addAll(ShellWords.split(text.substring("args:".length()).strip()));
                } else if (text.startsWith("runs:")) {
                    runs = Integer.parseInt(text.substring("runs:".length()).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PlaybookHeader(List.copyOf(args), runs);
    }
}
