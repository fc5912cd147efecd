package cnibench.executor;

import cnibench.module.spi.Module;
import cnibench.playbook.Block;
import cnibench.playbook.Play;
import cnibench.playbook.Task;
import cnibench.python.AnsibleBoolean;
import cnibench.template.Templar;
import cnibench.vars.VariableManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Whether a play gathers facts, and the "Gathering Facts" task that runs the setup module for it. */
final class FactGathering {
    private final Module setup;
    private final Templar templar;
    private final VariableManager variables;

    FactGathering(Module setup, Templar templar, VariableManager variables) {
        this.setup = setup;
        this.templar = templar;
        this.variables = variables;
    }

    /** gather_facts templated with the play's vars; a play that does not say gathers. */
    boolean wanted(Play play) {
        Object g = play.gatherFacts();
        if (g == null) {
            return true;
        }
        return AnsibleBoolean.parse(templar.template(g, variables.forPlayFields(play)), false);
    }

    Task task(Play play) {
        Map<String, Object> keywords = new LinkedHashMap<>();
        keywords.put("name", "Gathering Facts");
        if (play.tags().isEmpty()) {
            // as Ansible: the play's tags when it has some (with --tags x a play without x gathers nothing), else always
            keywords.put("tags", List.of("always"));
        }
        Map<String, Object> args = new LinkedHashMap<>();
        if (play.gatherSubset() != null) {
            args.put("gather_subset", play.gatherSubset());
        }
        Block holder = new Block(play, Map.of(), play.position());
        return new Task(holder, keywords, play.position(), "setup", setup, args, play.file(), false);
    }
}
