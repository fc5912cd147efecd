package cnibench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunInfoTest {
    static final Path LAB_RUN = Path.of("src/test/resources/report/egress-lab/20261203T073517Z");

    @Test
    void readsRunJsonAsTheRunRecordWritesIt() throws Exception {
        RunInfo info = RunInfo.load(LAB_RUN);
        assertEquals("egress-lab", info.playbook(), "the file name of the recorded playbook path");
        assertEquals("2026-12-03T07:35:17.932789443Z", info.start());
        assertEquals("2026-12-03T07:35:46.310579832Z", info.end());
        assertEquals("ok", info.outcome(), "from the recap");
        assertEquals(Map.of("iperf_duration", "2", "repeats", "2"), info.extraVars());
        assertEquals("namespace lab (network namespaces on one kernel)", info.environment().get("lab"));
        assertFalse(info.ranOnKind());
        assertEquals("0:00:28", HtmlParts.duration(info.start(), info.end()));
    }

    /** The report module runs inside the play, before run.json exists. */
    @Test
    void whileTheRunIsGoingReadsEventsAndEnvironmentJson(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("egress-lab/20261203T073517Z");
        Files.createDirectories(run);
        Files.copy(LAB_RUN.resolve("environment.json"), run.resolve("environment.json"));
        Files.writeString(run.resolve("events.jsonl"), """
                {"time": "2026-12-03T07:35:17.966019060Z", "task": "lab_prerequisites : Find out who runs the lab", "status": "ok"}
                {"time": "2026-12-03T07:35:44.100000000Z", "task": "lab_report : Summarize the run", "status": "ok"}
                {"time": "2026-12-03T07:35:44.2000""");
        RunInfo info = RunInfo.load(run);
        assertEquals("egress-lab", info.playbook());
        assertEquals("2026-12-03T07:35:17Z", info.start(), "the second the run directory is named after");
        assertEquals("2026-12-03T07:35:44.100000000Z", info.end(), "the latest task result so far (not the one half written)");
        assertEquals(RunInfo.RUNNING, info.outcome());
        assertEquals("6.18.44-fc-v1098", RunInfo.map(info.environment().get("versions")).get("kernel"));
        assertEquals(List.of("lab_prerequisites : Find out who runs the lab", "lab_report : Summarize the run"), info.tasks());
    }

    @Test
    void aFailedHostAndAKindClusterAreRead(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("run.json"), """
                {"playbook": "playbooks/egress-antrea.yml", "start": "2026-12-01T11:00:00Z", "end": "2026-12-01T11:09:30Z",
                 "recap": {"localhost": {"ok": 3, "failed": 1, "unreachable": 0}},
                 "tasks": [{"task": "create_kind_cluster : Create the kind cluster"}]}
                """);
        RunInfo info = RunInfo.load(dir);
        assertEquals("egress-antrea", info.playbook());
        assertEquals("failed (localhost: failed=1 unreachable=0)", info.outcome());
        assertTrue(info.ranOnKind());
    }
}
