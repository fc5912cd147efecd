package cnibench.module.bench;

import cnibench.module.spi.OrderedFields;
import java.util.List;
import java.util.Map;

/**
 * What an iperf3 JSON document (-J) says, typed. Figures iperf3 did not report are null: UDP has
 * no retransmits or RTT, and a reverse test's client sees no RTT of the server's sending side.
 *
 * @param error iperf3's error text ("unable to connect to server: ..."), or null
 * @param raw   the whole document as maps and lists
 */
public record Iperf3Report(String error, Summary summary, List<Interval> intervals, Map<String, Object> raw) {

    /** End-of-test figures; bits and bytes from end.sum_sent / end.sum_received, RTT in microseconds. */
    public record Summary(String protocol, Integer streams, Boolean reverse, Double duration, Long startTimestamp,
                          String localHost, Integer localPort, String remoteHost, Integer remotePort,
                          Double sentBitsPerSecond, Double receivedBitsPerSecond, Long sentBytes, Long receivedBytes,
                          Long retransmits, Double rttMeanUs, Double rttMinUs, Double rttMaxUs,
                          Double jitterMs, Long lostPackets, Double lostPercent, Long packets, Cpu cpu) {

        public Map<String, Object> toMap() {
            return OrderedFields.of("protocol", protocol, "streams", streams, "reverse", reverse, "duration", duration,
                    "start_timestamp", startTimestamp, "local_host", localHost, "local_port", localPort,
                    "remote_host", remoteHost, "remote_port", remotePort, "sent_bits_per_second", sentBitsPerSecond,
                    "received_bits_per_second", receivedBitsPerSecond, "sent_bytes", sentBytes,
                    "received_bytes", receivedBytes, "retransmits", retransmits, "rtt_mean_us", rttMeanUs,
                    "rtt_min_us", rttMinUs, "rtt_max_us", rttMaxUs, "jitter_ms", jitterMs, "lost_packets", lostPackets,
                    "lost_percent", lostPercent, "packets", packets,
                    "cpu_utilization_percent", cpu == null ? null : cpu.toMap());
        }
    }

    /** end.cpu_utilization_percent: this host's and the remote host's CPU share during the test. */
    public record Cpu(Double hostTotal, Double hostUser, Double hostSystem, Double remoteTotal, Double remoteUser,
                      Double remoteSystem) {

        public Map<String, Object> toMap() {
            return OrderedFields.of("host_total", hostTotal, "host_user", hostUser, "host_system", hostSystem,
                    "remote_total", remoteTotal, "remote_user", remoteUser, "remote_system", remoteSystem);
        }
    }

    /**
     * One reporting interval summed over the streams.
     *
     * @param sndCwnd the streams' congestion windows added up, in bytes
     * @param rttUs   the streams' smoothed RTT averaged, in microseconds
     */
    public record Interval(double start, double end, double bitsPerSecond, Long bytes, Long retransmits, Long sndCwnd,
                           Double rttUs, Long packets, boolean omitted) {

        public Map<String, Object> toMap() {
            return OrderedFields.of("start", start, "end", end, "bits_per_second", bitsPerSecond, "bytes", bytes,
                    "retransmits", retransmits, "snd_cwnd", sndCwnd, "rtt", rttUs, "packets", packets,
                    "omitted", omitted);
        }
    }

    public List<Map<String, Object>> intervalMaps() {
        return intervals.stream().map(Interval::toMap).toList();
    }
}
