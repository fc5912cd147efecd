package cnibench.playbook;

import java.nio.file.Path;
import java.util.List;

/** A loaded playbook, import_playbook entries already expanded into plays. */
public record Playbook(Path file, List<Play> plays) {
}
