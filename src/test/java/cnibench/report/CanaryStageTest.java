package cnibench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanaryStageTest {

    private static List<CanaryStage> labStages() throws Exception {
        return CanaryStage.of(CsvFiles.read(IngressReportTest.LAB.resolve("stages.csv")).stream().map(StageRow::fromRow).toList(),
                "canary");
    }

    @Test
    void oneStagePerStageInFileOrderWithTheScenarioAsALabel() throws Exception {
        List<CanaryStage> stages = labStages();
        assertEquals(List.of(0.0, 5.0, 25.0, 50.0, 75.0, 100.0), stages.stream().map(CanaryStage::configuredPercent).toList());
        assertEquals(Map.of("run", "1", "scenario", "canary"), stages.get(0).group());
        CanaryStage third = stages.get(2);
        assertEquals(510, third.canaryResponses());
        assertEquals(2000, third.responses());
        assertEquals(2002, third.requests());
        assertEquals(2, third.errors());
        assertEquals(5.5, third.p99Ms());
    }

    @Test
    void wilsonBarsOfTheStageChart() throws Exception {
        List<IngressCharts.ShareBar> bars = IngressCharts.shareBars(labStages());
        assertEquals(6, bars.size());
        IngressCharts.ShareBar five = bars.get(1);
        assertEquals(5, five.x());
        assertEquals(4.9, five.y(), 1e-9);
        assertEquals(4.0374, five.low(), 1e-9);
        assertEquals(5.9356, five.high(), 1e-9);
        // 0 %: stages.csv has no canary line; the bar is 0 of 2000 answered, Wilson's interval computed
        IngressCharts.ShareBar zero = bars.get(0);
        assertEquals(0, zero.y());
        assertEquals(0, zero.low());
        assertEquals(0.19170, zero.high(), 1e-4);
        // the same bars against the exact split: 50 % observed 45 % lies 5 points below, its interval too
        IngressCharts.ShareBar fifty = IngressCharts.deviationBars(labStages()).get(3);
        assertEquals(-5, fifty.y(), 1e-9);
        assertEquals(-7.1687, fifty.low(), 1e-9);
        assertEquals(-2.8122, fifty.high(), 1e-9);
    }

    @Test
    void onlyAConfiguredShareOutsideTheIntervalIsFlagged() throws Exception {
        List<CanaryStage> stages = labStages();
        assertEquals(List.of(false, false, false, true, false, false), stages.stream().map(CanaryStage::outsideInterval).toList());
        assertEquals("stage 50 %: observed 45.0 % [42.8, 47.2]", stages.get(3).summary());
        // the bounds belong to the interval: 100 % observed as 100 % with high = 1 is inside
        assertFalse(stages.get(5).outsideInterval());
    }

    @Test
    void wilsonIntervalOfZeroAndOfAllIsNotEmpty() {
        Wilson none = Wilson.of(0, 2000);
        assertEquals(0, none.low());
        assertEquals(3.8415 / 2003.8415, none.high(), 1e-6);
        Wilson all = Wilson.of(2000, 2000);
        assertEquals(1, all.high());
        assertEquals(2000 / 2003.8415, all.low(), 1e-6);
        Wilson quarter = Wilson.of(250, 1000);
        assertEquals(0.224153, quarter.low(), 1e-6);
        assertEquals(0.277760, quarter.high(), 1e-6);
        assertTrue(Double.isNaN(Wilson.of(0, 0).low()));
    }

    @Test
    void mirrorBarsComeFromTheAllLine() throws Exception {
        List<MirrorRow> rows = CsvFiles.read(IngressReportTest.LAB.resolve("mirror.csv")).stream().map(MirrorRow::fromRow).toList();
        List<IngressCharts.ShareBar> bars = IngressCharts.mirrorBars(rows);
        assertEquals(1, bars.size(), "one bar per mirror setting, from the line labelled all");
        assertEquals(40, bars.get(0).x());
        assertEquals(39.5, bars.get(0).y(), 1e-9);
        assertEquals(37.3796, bars.get(0).low(), 1e-9);
        assertEquals(41.6606, bars.get(0).high(), 1e-9);
    }
}
