package cnibench.playbook;

import cnibench.source.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A block with its rescue and always sections; also what an import or a role's task list becomes. */
public final class Block extends Scope implements Node {
    private final List<Node> block = new ArrayList<>();
    private final List<Node> rescue = new ArrayList<>();
    private final List<Node> always = new ArrayList<>();

    public Block(Scope parent, Map<String, Object> keywords, Position position) {
        super(parent, keywords, position);
    }

    public List<Node> block() {
        return block;
    }

    public List<Node> rescue() {
        return rescue;
    }

    public List<Node> always() {
        return always;
    }

    /** Every task inside, depth first, for listing and validation. */
    public List<Task> allTasks() {
        List<Task> out = new ArrayList<>();
        for (List<Node> section : List.of(block, rescue, always)) {
            for (Node n : section) {
                if (n instanceof Task t) {
                    out.add(t);
                } else {
                    out.addAll(((Block) n).allTasks());
                }
            }
        }
        return out;
    }
}
