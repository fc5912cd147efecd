package cnibench.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** How runs are named in tables and legends. */
final class Labels {
    private Labels() {
    }

    /** Playbook and the run directory's name, e.g. "egress-lab 20261125T120000Z". */
    static String runLabel(RunInfo info) {
        return info.playbook() + " " + info.dir().toAbsolutePath().normalize().getFileName();
    }

    /** The labels with a " (2)", " (3)" ... added to repeats, since two runs may not share a name. */
    static List<String> unique(List<String> labels) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String label : labels) {
            String name = label;
            for (int n = 2; !seen.add(name); n++) {
                name = label + " (" + n + ")";
            }
            out.add(name);
        }
        return out;
    }
}
