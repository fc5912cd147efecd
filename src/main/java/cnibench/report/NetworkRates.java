package cnibench.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The network_receive_bytes_rate samples of metrics.csv, summed over each node's interfaces. */
final class NetworkRates {
    static final String RECEIVE_BYTES_RATE = "network_receive_bytes_rate";

    private NetworkRates() {
    }

    /** node -> timestamp -> bytes per second received on all of the node's interfaces. */
    static Map<String, TreeMap<Double, Double>> receivedBytesPerNode(List<MetricSample> metrics) {
        Map<String, TreeMap<Double, Double>> out = new TreeMap<>();
        for (MetricSample m : metrics) {
            if (m.metric().equals(RECEIVE_BYTES_RATE) && !Double.isNaN(m.value())) {
                out.computeIfAbsent(m.node(), n -> new TreeMap<>()).merge(m.timestamp(), m.value(), Double::sum);
            }
        }
        return out;
    }
}
