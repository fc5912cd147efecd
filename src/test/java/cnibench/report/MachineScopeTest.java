package cnibench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MachineScopeTest {
    private static final Path LAB_RUN = RunInfoTest.LAB_RUN;

    @Test
    void aNamespaceLabIsOneKernel() throws Exception {
        RunInfo info = RunInfo.load(LAB_RUN);
        assertEquals(MachineScope.ONE_KERNEL, MachineScope.of(info, new CpuWindows(List.of())));
    }

    /** The lab's three node-exporters read one /proc/stat: the same CPU within scrape jitter. */
    @Test
    void theLabsMetricsShowOneMachineEvenWithoutItsEnvironment() throws Exception {
        CpuWindows lab = new CpuWindows(Summarizer.readMetrics(LAB_RUN.resolve("metrics.csv")));
        assertEquals(3, lab.nodes().size());
        assertTrue(lab.identicalAcrossNodes());
        RunInfo bare = new RunInfo(LAB_RUN, "egress-lab", "", "", "", Map.of(), Map.of(), List.of());
        assertEquals(MachineScope.ONE_KERNEL, MachineScope.of(bare, lab));

        CpuWindows separate = new CpuWindows(Summarizer.readMetrics(ReportBuilderTest.RUN1.resolve("metrics.csv")));
        assertFalse(separate.identicalAcrossNodes(), "a busy gateway next to an idle worker");
        assertEquals(MachineScope.NODES, MachineScope.of(bare, separate));
    }

    @Test
    void kindNodesShareTheHost() {
        RunInfo kind = new RunInfo(LAB_RUN, "egress-cilium", "", "", "", Map.of(), Map.of(),
                List.of("create_kind_cluster : Create the kind cluster"));
        MachineScope scope = MachineScope.of(kind, new CpuWindows(List.of()));
        assertEquals(MachineScope.KIND, scope);
        assertTrue(scope.note().contains("node-exporter's CPU and memory are the host's for every node"));
    }

    @Test
    void oneKernelSummaryNamesNoBusiestNode() throws Exception {
        List<PathSummary> summaries = Summarizer.summarize(Summarizer.readIntervals(LAB_RUN.resolve("iperf.csv")),
                Summarizer.readMetrics(LAB_RUN.resolve("metrics.csv")), null, MachineScope.ONE_KERNEL);
        assertEquals(List.of("machine", "machine"), summaries.stream().map(PathSummary::cpuNode).toList());
        // the machine's two cores were busy through both paths' repeats
        assertTrue(summaries.get(0).cpuBusyMedianPercent() > 90);
    }
}
