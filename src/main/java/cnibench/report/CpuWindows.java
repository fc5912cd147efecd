package cnibench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * CPU use of each node from the cpu_seconds_rate samples of metrics.csv (CPU seconds per second,
 * by mode). Shares are relative to the sum over all modes, so they do not depend on core counts.
 */
final class CpuWindows {
    static final String IDLE = "idle";
    static final String SOFTIRQ = "softirq";

    /** node -> timestamp -> mode -> rate */
    private final Map<String, TreeMap<Double, Map<String, Double>>> samples = new TreeMap<>();

    record Share(double busyPercent, double softirqPercent) {
    }

    CpuWindows(List<MetricSample> metrics) {
        for (MetricSample m : metrics) {
            if (m.metric().equals(MetricSample.CPU_SECONDS_RATE) && !Double.isNaN(m.value())) {
                samples.computeIfAbsent(m.node(), n -> new TreeMap<>())
                        .computeIfAbsent(m.timestamp(), t -> new TreeMap<>())
                        .merge(m.mode(), m.value(), Double::sum);
            }
        }
    }

    Set<String> nodes() {
        return samples.keySet();
    }

    /** The node whose samples stand for the machine when every node reads the same CPU: the first by name. */
    String machineNode() {
        return samples.isEmpty() ? null : samples.keySet().iterator().next();
    }

    /**
     * True when two or more nodes report the same CPU: at 90 % of the shared timestamps every mode
     * differs by at most 5 % of the machine's CPU (scrapes of one /proc/stat land a few ms apart),
     * and the machine was busy at some point (idle separate machines would look alike too).
     */
    boolean identicalAcrossNodes() {
        if (samples.size() < 2) {
            return false;
        }
        TreeMap<Double, Map<String, Double>> reference = samples.get(machineNode());
        int compared = 0;
        int alike = 0;
        boolean busy = false;
        for (Map.Entry<Double, Map<String, Double>> sample : reference.entrySet()) {
            double total = sample.getValue().values().stream().mapToDouble(Double::doubleValue).sum();
            if (total <= 0) {
                continue;
            }
            busy |= (total - sample.getValue().getOrDefault(IDLE, 0.0)) / total > 0.10;
            for (TreeMap<Double, Map<String, Double>> other : samples.values()) {
                Map<String, Double> modes = other.get(sample.getKey());
                if (other == reference || modes == null) {
                    continue;
                }
                compared++;
                if (sameModes(sample.getValue(), modes, 0.05 * total)) {
                    alike++;
                }
            }
        }
        return busy && compared >= 3 && alike >= 0.9 * compared;
    }

    private static boolean sameModes(Map<String, Double> a, Map<String, Double> b, double tolerance) {
        Set<String> modes = new TreeSet<>(a.keySet());
        modes.addAll(b.keySet());
        return modes.stream().allMatch(m -> Math.abs(a.getOrDefault(m, 0.0) - b.getOrDefault(m, 0.0)) <= tolerance);
    }

    /** The node's mean busy and softirq share over the samples from start to end, or null when there are none. */
    Share share(String node, double start, double end) {
        List<Double> busy = new ArrayList<>();
        List<Double> softirq = new ArrayList<>();
        for (Map<String, Double> modes : samples.get(node).subMap(start, true, end, true).values()) {
            double total = modes.values().stream().mapToDouble(Double::doubleValue).sum();
            if (total > 0) {
                busy.add((total - modes.getOrDefault(IDLE, 0.0)) / total * 100);
                softirq.add(modes.getOrDefault(SOFTIRQ, 0.0) / total * 100);
            }
        }
        if (busy.isEmpty()) {
            return null;
        }
        return new Share(mean(busy), mean(softirq));
    }

    /** Per timestamp, each mode's share of the node's CPU in percent. */
    TreeMap<Double, Map<String, Double>> percentByMode(String node) {
        TreeMap<Double, Map<String, Double>> out = new TreeMap<>();
        samples.get(node).forEach((t, modes) -> {
            double total = modes.values().stream().mapToDouble(Double::doubleValue).sum();
            if (total > 0) {
                Map<String, Double> shares = new TreeMap<>();
                modes.forEach((mode, rate) -> shares.put(mode, rate / total * 100));
                out.put(t, shares);
            }
        });
        return out;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
