package cnibench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummarizerTest {
    static final Path RUN = Path.of("src/test/resources/report/egress-lab/20261125T120000Z");

    @Test
    void summarizesEachPathOverItsRepeats() throws Exception {
        List<PathSummary> summaries = Summarizer.summarize(Summarizer.readIntervals(RUN.resolve("iperf.csv")),
                Summarizer.readMetrics(RUN.resolve("metrics.csv")), null);
        assertEquals(List.of("direct", "gateway"), summaries.stream().map(PathSummary::path).toList());

        PathSummary direct = summaries.get(0);
        assertEquals(3, direct.n());
        assertEquals(10e9, direct.throughputMedianBps(), 1);         // repeats 9, 10, 11.5 Gbit/s
        assertEquals(1.25e9, direct.throughputIqrBps(), 1);          // numpy: 10.75 - 9.5
        assertEquals(7.040861926978778e9, direct.throughputCi95LowBps(), 1e4);
        assertEquals(13.292471406354554e9, direct.throughputCi95HighBps(), 1e4);
        assertEquals(4, direct.retransmitsMedian());                  // 2, 4, 6 per repeat
        assertEquals(55, direct.rttMedianUs());
        assertEquals("worker", direct.cpuNode());
        assertEquals(25, direct.cpuBusyMedianPercent(), 1e-9);
        assertEquals(5, direct.softirqMedianPercent(), 1e-9);
        assertEquals(0, direct.overheadPercent(), 1e-9);

        PathSummary gateway = summaries.get(1);
        assertEquals(8e9, gateway.throughputMedianBps(), 1);
        assertEquals(24, gateway.retransmitsMedian());
        assertEquals("egress-gateway", gateway.cpuNode());
        assertEquals(50, gateway.cpuBusyMedianPercent(), 1e-9);
        assertEquals(25, gateway.softirqMedianPercent(), 1e-9);
        assertEquals(20, gateway.overheadPercent(), 1e-9);            // (10 - 8) / 10
    }

    @Test
    void aNamedBaselineIsTheReference() throws Exception {
        List<PathSummary> summaries = Summarizer.summarize(Summarizer.readIntervals(RUN.resolve("iperf.csv")), List.of(), "gateway");
        assertEquals(-25, summaries.get(0).overheadPercent(), 1e-9);
        assertTrue(Double.isNaN(summaries.get(0).cpuBusyMedianPercent()));
        assertEquals("", summaries.get(0).cpuNode());
    }

    @Test
    void writesSummaryCsvIntoTheRunDirectory(@TempDir Path dir) throws Exception {
        for (String name : List.of("iperf.csv", "metrics.csv")) {
            Files.copy(RUN.resolve(name), dir.resolve(name));
        }
        Path out = Summarizer.writeSummary(dir, null);
        List<Map<String, String>> rows = CsvFiles.read(out);
        assertEquals(PathSummary.COLUMNS, List.copyOf(rows.get(0).keySet()));
        assertEquals("gateway", rows.get(1).get("path"));
        assertEquals("8000000000", rows.get(1).get("throughput_median_bps"));
        assertEquals("20", rows.get(1).get("overhead_percent"));
        assertEquals("55", rows.get(0).get("rtt_median_us"));
        assertEquals(PathSummary.fromRow(rows.get(1)).throughputMedianBps(), 8e9);
    }
}
