package cnibench.vars;

import cnibench.inventory.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The hosts of the running play: all of them, the current serial batch, and those still active. */
public final class PlayHosts {
    private final List<Host> all;
    private final List<Host> batch = new CopyOnWriteArrayList<>();
    private final List<Host> failed = new CopyOnWriteArrayList<>();

    public PlayHosts(List<Host> all) {
        this.all = List.copyOf(all);
    }

    public List<Host> all() {
        return all;
    }

    public void startBatch(List<Host> hosts) {
        batch.clear();
        batch.addAll(hosts);
    }

    public List<Host> batch() {
        return List.copyOf(batch);
    }

    public void markFailed(Host h) {
        if (!failed.contains(h)) {
            failed.add(h);
        }
    }

    /** A host whose failure a rescue section handled is in the play again. */
    public void clearFailed(Host h) {
        failed.remove(h);
    }

    public boolean isFailed(Host h) {
        return failed.contains(h);
    }

    /** Hosts of the play that have not failed (ansible_play_hosts). */
    public List<String> activeNames() {
        List<String> out = new ArrayList<>();
        all.stream().filter(h -> !failed.contains(h)).forEach(h -> out.add(h.name()));
        return out;
    }

    public List<String> batchNames() {
        List<String> out = new ArrayList<>();
        batch.stream().filter(h -> !failed.contains(h)).forEach(h -> out.add(h.name()));
        return out;
    }
}
