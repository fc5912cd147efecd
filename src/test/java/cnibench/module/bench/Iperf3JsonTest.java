package cnibench.module.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against JSON that iperf 3.12 printed on loopback (src/test/resources/iperf3). */
class Iperf3JsonTest {

    static String fixture(String name) throws Exception {
        return Files.readString(Path.of("src/test/resources/iperf3", name));
    }

    @Test
    void tcpRunGivesSummaryAndIntervals() throws Exception {
        Iperf3Report report = Iperf3Json.parse(fixture("tcp.json"));
        Iperf3Report.Summary s = report.summary();
        assertNull(report.error());
        assertEquals("TCP", s.protocol());
        assertEquals(1, s.streams());
        assertEquals(false, s.reverse());
        assertEquals(1795612585L, s.startTimestamp());
        assertEquals("127.0.0.1", s.localHost());
        assertEquals(5299, s.remotePort());
        assertEquals(18479978521.36389, s.sentBitsPerSecond());
        assertEquals(18459916582.300064, s.receivedBitsPerSecond());
        assertEquals(4620288000L, s.sentBytes());
        assertEquals(2L, s.retransmits());
        assertEquals(58.0, s.rttMeanUs());
        assertEquals(44.0, s.rttMinUs());
        assertEquals(75.0, s.rttMaxUs());
        assertNull(s.jitterMs());
        assertEquals(23.70884241353214, s.cpu().hostTotal());

        assertEquals(4, report.intervals().size());
        Iperf3Report.Interval second = report.intervals().get(1);
        assertEquals(0.500072, second.start());
        assertEquals(1.000039, second.end());
        assertEquals(22923383898.550835, second.bitsPerSecond());
        assertEquals(50.0, second.rttUs());
        assertEquals(916762L, second.sndCwnd());
        assertFalse(second.omitted());
        assertEquals("TCP", ((Map<?, ?>) ((Map<?, ?>) report.raw().get("start")).get("test_start")).get("protocol"));
    }

    @Test
    void parallelReverseRunAddsStreamsAndHasNoLocalRtt() throws Exception {
        Iperf3Report report = Iperf3Json.parse(fixture("tcp-parallel-reverse.json"));
        assertEquals(2, report.summary().streams());
        assertEquals(true, report.summary().reverse());
        assertEquals(6L, report.summary().retransmits());
        assertEquals(5784720750.036728, report.summary().receivedBitsPerSecond());
        assertNull(report.summary().rttMeanUs(), "the client does not send, so it measures no RTT");
        assertEquals(4, report.intervals().size());
        assertEquals(7005652448.554447, report.intervals().get(0).bitsPerSecond());
    }

    @Test
    void udpRunGivesJitterAndLoss() throws Exception {
        Iperf3Report.Summary s = Iperf3Json.parse(fixture("udp.json")).summary();
        assertEquals("UDP", s.protocol());
        assertEquals(10222634.6270758, s.sentBitsPerSecond());
        assertEquals(10101449.0748883, s.receivedBitsPerSecond());
        assertEquals(1.4635463481891235, s.jitterMs());
        assertEquals(0L, s.lostPackets());
        assertEquals(39L, s.packets());
        assertNull(s.retransmits());
        assertNull(s.rttMeanUs());
        Map<String, Object> map = s.toMap();
        assertTrue(map.containsKey("rtt_mean_us") && map.get("rtt_mean_us") == null);
    }

    @Test
    void refusedConnectionIsAnError() throws Exception {
        Iperf3Report report = Iperf3Json.parse(fixture("connection-refused.json"));
        assertEquals("unable to connect to server: Connection refused", report.error());
        assertTrue(report.intervals().isEmpty());
        assertNull(report.summary().sentBitsPerSecond());
        assertNull(report.summary().localHost());
    }

    @Test
    void textThatIsNoIperf3JsonIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Iperf3Json.parse("iperf3: error"));
        assertTrue(e.getMessage().startsWith("iperf3 output is not JSON: "));
        assertThrows(IllegalArgumentException.class, () -> Iperf3Json.parse("{\"a\": 1}"));
    }
}
