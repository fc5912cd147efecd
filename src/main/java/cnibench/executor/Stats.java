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

    /** Counts a task's result on its host as the recap does; a failure a rescue will handle counts as rescued. */
    synchronized void count(TaskResult r, boolean rescued) {
        String host = r.host().name();
        switch (r.status()) {
            case OK -> increment(host, "ok");
            case CHANGED -> {
                increment(host, "ok");
                increment(host, "changed");
            }
            case SKIPPED -> increment(host, "skipped");
            case FAILED -> {
                if (r.ignored()) {
                    increment(host, "ok");
                    increment(host, "ignored");
                    if (r.changed()) {
                        increment(host, "changed");
                    }
                } else {
                    increment(host, rescued ? "rescued" : "failed");
                }
            }
            case UNREACHABLE -> increment(host, r.ignored() ? "skipped" : "unreachable");
        }
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
