package cnibench.report;

import java.util.Locale;

/**
 * Whose CPU the per-node figures are. In the namespace lab every node is a namespace of one
 * kernel, and on kind every node is a container of one host: node-exporter reads the machine's
 * /proc/stat there, so per-node CPU charts would draw one machine several times and a "busiest
 * node" would be noise. Network counters are per node in all three.
 */
public enum MachineScope {
    NODES(""),
    ONE_KERNEL("one kernel: CPU is the machine's (the nodes are network namespaces of one kernel); network counters are per node"),
    KIND("kind: the nodes are containers on one host, so node-exporter's CPU and memory are the host's for every node; network counters are per node");

    private final String note;

    MachineScope(String note) {
        this.note = note;
    }

    /** Why the report shows one machine's CPU instead of one chart per node; empty for real nodes. */
    public String note() {
        return note;
    }

    public boolean sharedCpu() {
        return this != NODES;
    }

    static MachineScope of(RunInfo info, CpuWindows cpu) {
        if (info.ranOnKind()) {
            return KIND; // checked first: the host's CPU looks the same from every node there too
        }
        String lab = RunInfo.text(info.environment().get("lab")).toLowerCase(Locale.ROOT);
        return lab.contains("namespace lab") || lab.contains("one kernel") || cpu.identicalAcrossNodes() ? ONE_KERNEL : NODES;
    }
}
