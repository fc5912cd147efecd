package cnibench.executor;

import java.util.LinkedHashMap;
import java.util.Map;

/** The PLAY RECAP counters per host. */
public final class Stats {
    public static final String[] COUNTERS = {"ok", "changed", "unreachable", "failed", "skipped", "rescued", "ignored"};
    private final Map<String, Map<String, Integer>> byHost = new LinkedHashMap<>();

    public synchronized void increment(String host, String counter) {
        hostCounters(host).merge(counter, 1, Integer::sum);
    }

    public synchronized Map<String, Integer> hostCounters(String host) {
        return byHost.computeIfAbsent(host, h -> {
            Map<String, Integer> m = new LinkedHashMap<>();
            for (String c : COUNTERS) {
                m.put(c, 0);
            }
            return m;
        });
    }

    public synchronized Map<String, Map<String, Integer>> all() {
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        byHost.forEach((h, m) -> copy.put(h, new LinkedHashMap<>(m)));
        return copy;
    }

    /** True when the host failed or was unreachable earlier in the run: later plays leave it out. */
    public synchronized boolean isDown(String host) {
        Map<String, Integer> c = byHost.get(host);
        return c != null && (c.get("failed") > 0 || c.get("unreachable") > 0);
    }

    public synchronized boolean anyFailed() {
        return byHost.values().stream().anyMatch(m -> m.get("failed") > 0);
    }

    public synchronized boolean anyUnreachable() {
        return byHost.values().stream().anyMatch(m -> m.get("unreachable") > 0);
    }
}
