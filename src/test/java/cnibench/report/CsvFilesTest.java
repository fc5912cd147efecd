package cnibench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFilesTest {

    @Test
    void quotesWhatNeedsQuotingAndReadsItBack(@TempDir Path dir) throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", "a,b");
        row.put("text", "say \"hi\"\nbye");
        row.put("value", 2.5e9);
        row.put("empty", null);
        Path file = dir.resolve("out/x.csv");
        CsvFiles.write(file, List.of("name", "text", "value", "empty"), List.of(row));

        assertEquals("name,text,value,empty\n\"a,b\",\"say \"\"hi\"\"\nbye\",2500000000,\n", Files.readString(file));
        List<Map<String, String>> rows = CsvFiles.read(file);
        assertEquals(1, rows.size());
        assertEquals("a,b", rows.get(0).get("name"));
        assertEquals("say \"hi\"\nbye", rows.get(0).get("text"));
        assertEquals("2500000000", rows.get(0).get("value"));
        assertEquals("", rows.get(0).get("empty"));
    }

    @Test
    void readsCrlfAndShortLines() {
        List<Map<String, String>> rows = CsvFiles.parse("a,b,c\r\n1,2,3\r\n4,5\r\n");
        assertEquals(List.of(Map.of("a", "1", "b", "2", "c", "3"), Map.of("a", "4", "b", "5", "c", "")), rows);
    }

    @Test
    void formatsNumbersPlainly() {
        assertEquals("0.000125", CsvFiles.format(1.25e-4));
        assertEquals("17", CsvFiles.format(17.0));
        assertEquals("NaN", CsvFiles.format(Double.NaN));
        assertEquals("3", CsvFiles.format(3));
    }

    @Test
    void appendsInTheFilesColumnOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("metrics.csv");
        CsvFiles.append(file, List.of("timestamp", "value"), List.of(Map.of("timestamp", 1, "value", 2.5)));
        Files.writeString(file, "3,4.5", java.nio.file.StandardOpenOption.APPEND); // a last line without line break
        CsvFiles.append(file, List.of("value", "timestamp"), List.of(Map.of("timestamp", 5, "value", 6)));
        assertEquals("timestamp,value\n1,2.5\n3,4.5\n5,6\n", Files.readString(file));

        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> CsvFiles.append(file, List.of("timestamp", "node"), List.of()));
        assertEquals(file + " has the columns timestamp,value, not timestamp,node", e.getMessage());
    }
}
