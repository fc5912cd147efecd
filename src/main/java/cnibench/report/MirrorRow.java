package cnibench.report;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One line of mirror.csv: of the requests one backend answered (label {@link #ALL}: of all
 * requests), how many were mirrored, that share with its 95 % interval, and the backend's part of
 * all mirrored requests.
 */
record MirrorRow(Map<String, String> group, double mirrorPercent, String label, double requests, double mirrored,
                 double mirroredShare, double low, double high, double shareOfMirrored) {
    static final String FILE = "mirror.csv";
    static final String ALL = "all";
    private static final Set<String> KNOWN = Set.copyOf(List.of("mirror_percent", "label", "requests", "mirrored",
            "mirrored_share", "share_ci95_low", "share_ci95_high", "share_of_mirrored"));

    static MirrorRow fromRow(Map<String, String> row) {
        return new MirrorRow(Rows.labels(row, KNOWN), Rows.number(row, "mirror_percent"), Rows.text(row, "label"),
                Rows.number(row, "requests"), Rows.number(row, "mirrored"), Rows.number(row, "mirrored_share"),
                Rows.number(row, "share_ci95_low"), Rows.number(row, "share_ci95_high"), Rows.number(row, "share_of_mirrored"));
    }

    boolean all() {
        return ALL.equals(label);
    }
}
