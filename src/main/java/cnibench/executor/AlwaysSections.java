package cnibench.executor;

import cnibench.inventory.Host;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * How deep each host is in `always` sections. Kept per host, not per thread: a host's tasks and loop
 * items run on pool threads, and after Ctrl-C its teardown must go on whichever thread runs it.
 */
final class AlwaysSections {
    private final BooleanSupplier interrupted;
    private final Map<Host, Integer> depth = new ConcurrentHashMap<>();

    AlwaysSections(BooleanSupplier interrupted) {
        this.interrupted = interrupted;
    }

    /** True when a task may still start for the host: no interrupt, or the host is inside an `always` section. */
    boolean mayRun(Host host) {
        return !interrupted.getAsBoolean() || depth.getOrDefault(host, 0) > 0;
    }

    void enter(Collection<Host> hosts) {
        hosts.forEach(h -> depth.merge(h, 1, Integer::sum));
    }

    void leave(Collection<Host> hosts) {
        hosts.forEach(h -> depth.merge(h, -1, Integer::sum));
    }
}
