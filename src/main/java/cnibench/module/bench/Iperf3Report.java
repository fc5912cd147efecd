package cnibench.module.bench;

import java.util.LinkedHashMap;
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
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("protocol", protocol);
            out.put("streams", streams);
            out.put("reverse", reverse);
            out.put("duration", duration);
            out.put("start_timestamp", startTimestamp);
            out.put("local_host", localHost);
            out.put("local_port", localPort);
            out.put("remote_host", remoteHost);
            out.put("remote_port", remotePort);
            out.put("sent_bits_per_second", sentBitsPerSecond);
            out.put("received_bits_per_second", receivedBitsPerSecond);
            out.put("sent_bytes", sentBytes);
            out.put("received_bytes", receivedBytes);
            out.put("retransmits", retransmits);
            out.put("rtt_mean_us", rttMeanUs);
            out.put("rtt_min_us", rttMinUs);
            out.put("rtt_max_us", rttMaxUs);
            out.put("jitter_ms", jitterMs);
            out.put("lost_packets", lostPackets);
            out.put("lost_percent", lostPercent);
            out.put("packets", packets);
            out.put("cpu_utilization_percent", cpu == null ? null : cpu.toMap());
            return out;
        }
    }

    /** end.cpu_utilization_percent: this host's and the remote host's CPU share during the test. */
    public record Cpu(Double hostTotal, Double hostUser, Double hostSystem, Double remoteTotal, Double remoteUser,
                      Double remoteSystem) {

        public Map<String, Object> toMap() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("host_total", hostTotal);
            out.put("host_user", hostUser);
            out.put("host_system", hostSystem);
            out.put("remote_total", remoteTotal);
            out.put("remote_user", remoteUser);
            out.put("remote_system", remoteSystem);
            return out;
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
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("start", start);
            out.put("end", end);
            out.put("bits_per_second", bitsPerSecond);
            out.put("bytes", bytes);
            out.put("retransmits", retransmits);
            out.put("snd_cwnd", sndCwnd);
            out.put("rtt", rttUs);
            out.put("packets", packets);
            out.put("omitted", omitted);
            return out;
        }
    }

    public List<Map<String, Object>> intervalMaps() {
        return intervals.stream().map(Interval::toMap).toList();
    }
}
