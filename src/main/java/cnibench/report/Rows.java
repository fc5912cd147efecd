package cnibench.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reading tidy CSV rows by column name: numbers, and the label columns a file puts before its values. */
final class Rows {
    private Rows() {
    }

    /** The cell as a number; NaN when the column is missing or empty. */
    static double number(Map<String, String> row, String column) {
        return IperfInterval.number(row, column);
    }

    static String text(Map<String, String> row, String column) {
        return row.getOrDefault(column, "").trim();
    }

    /**
     * The row's columns that are none of {@code known}, in file order: the label columns a
     * playbook added (run, scenario, ...), which may vary from run to run.
     */
    static Map<String, String> labels(Map<String, String> row, Set<String> known) {
        Map<String, String> out = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            if (!known.contains(column)) {
                out.put(column, value.trim());
            }
        });
        return out;
    }
}
