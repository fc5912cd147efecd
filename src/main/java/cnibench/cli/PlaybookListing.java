package cnibench.cli;

import cnibench.executor.PlaybookRunner;
import cnibench.inventory.Host;
import cnibench.playbook.Block;
import cnibench.playbook.Play;
import cnibench.playbook.Playbook;
import cnibench.playbook.Task;
import cnibench.template.Templar;
import cnibench.vars.VariableManager;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** --list-hosts, --list-tasks and --list-tags, printed as ansible-playbook prints them. */
final class PlaybookListing {
    private final PrintStream out;
    private final PlaybookRunner runner;
    private final Templar templar;
    private final VariableManager variables;

    PlaybookListing(PrintStream out, PlaybookRunner runner, Templar templar, VariableManager variables) {
        this.out = out;
        this.runner = runner;
        this.templar = templar;
        this.variables = variables;
    }

    void print(Playbook playbook, String name, boolean hosts, boolean tasks, boolean tags) {
        out.println();
        out.println("playbook: " + name);
        int n = 0;
        for (Play play : playbook.plays()) {
            n++;
            Object pattern = templar.template(play.hosts(), variables.forPlayFields(play));
            String playName = play.name() != null ? play.name() : String.valueOf(pattern);
            out.println();
            out.println("  play #" + n + " (" + pattern + "): " + playName + "\tTAGS: " + tagList(play.tags()));
            if (hosts) {
                List<Host> selected = runner.hostsOf(play);
                out.println("    pattern: ['" + pattern + "']");
                out.println("    hosts (" + selected.size() + "):");
                selected.forEach(h -> out.println("      " + h.name()));
            }
            List<Task> all = new ArrayList<>();
            for (List<Block> section : List.of(play.preTasks(), play.roles(), play.tasks(), play.postTasks())) {
                section.forEach(b -> all.addAll(b.allTasks()));
            }
            if (tasks) {
                out.println("    tasks:");
                for (Task t : all) {
                    out.println("      " + t.displayName() + "\tTAGS: " + tagList(new ArrayList<>(new TreeSet<>(t.tags()))));
                }
            }
            if (tags) {
                TreeSet<String> allTags = new TreeSet<>();
                all.forEach(t -> allTags.addAll(t.tags()));
                out.println("      TASK TAGS: " + tagList(new ArrayList<>(allTags)));
            }
        }
    }

    private static String tagList(List<String> tags) {
        return "[" + String.join(", ", tags) + "]";
    }
}
