package cnibench.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes RFC 4180 CSV: a header line, comma separated fields, fields holding a comma,
 * quote or line break quoted with doubled quotes inside. Rows are maps keyed by the header.
 */
public final class CsvFiles {

    private CsvFiles() {
    }

    /** The rows of a CSV file with a header line; a missing cell is an empty string. */
    public static List<Map<String, String>> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return toRows(parse(in));
        }
    }

    /** The rows of CSV text with a header line. */
    public static List<Map<String, String>> parse(String text) {
        try {
            return toRows(parse(new StringReader(text)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a header and one line per row; null values are written as empty cells. */
    public static void write(Path file, List<String> header, List<? extends Map<String, ?>> rows) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(line(header));
            for (Map<String, ?> row : rows) {
                out.write(line(cells(row, header)));
            }
        }
    }

    /**
     * Adds rows to a CSV file, writing the header first when the file is new or empty. An existing
     * file must have the same columns; rows are written in its column order.
     */
    public static void append(Path file, List<String> header, List<? extends Map<String, ?>> rows) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            write(file, header, rows);
            return;
        }
        List<String> existing;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<List<String>> first = parse(new StringReader(String.valueOf(in.readLine())));
            existing = first.isEmpty() ? List.of() : first.get(0).stream().map(String::trim).toList();
        }
        if (!new HashSet<>(existing).equals(new HashSet<>(header))) {
            throw new IOException(file + " has the columns " + String.join(",", existing) + ", not " + String.join(",", header));
        }
        StringBuilder text = new StringBuilder();
        if (lastByte(file) != '\n') {
            text.append('\n'); // a last line without its line break must not swallow the first new row
        }
        for (Map<String, ?> row : rows) {
            text.append(line(cells(row, existing)));
        }
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static int lastByte(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.position(channel.size() - 1).read(last);
            return last.get(0);
        }
    }

    private static List<String> cells(Map<String, ?> row, List<String> columns) {
        List<String> cells = new ArrayList<>();
        for (String column : columns) {
            Object value = row.get(column);
            cells.add(value == null ? "" : format(value));
        }
        return cells;
    }

    /** A number as CSV shows it: integers without a fraction, others in plain decimal notation. */
    public static String format(Object value) {
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return d.toString();
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
            return java.math.BigDecimal.valueOf(d).toPlainString();
        }
        if (value instanceof Float f) {
            return format(f.doubleValue());
        }
        return String.valueOf(value);
    }

    static String line(List<String> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(cells.get(i)));
        }
        return out.append("\n").toString();
    }

    static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    private static List<List<String>> parse(Reader in) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellStarted = false;
        int c;
        while ((c = in.read()) != -1) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            in.reset();
                        }
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.length() == 0) {
                quoted = true;
                cellStarted = true;
            } else if (ch == ',') {
                record.add(cell.toString());
                cell.setLength(0);
                cellStarted = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                if (cellStarted || cell.length() > 0 || !record.isEmpty()) {
                    record.add(cell.toString());
                    records.add(record);
                }
                record = new ArrayList<>();
                cell.setLength(0);
                cellStarted = false;
            } else {
                cell.append(ch);
                cellStarted = true;
            }
        }
        if (cellStarted || cell.length() > 0 || !record.isEmpty()) {
            record.add(cell.toString());
            records.add(record);
        }
        return records;
    }

    private static List<Map<String, String>> toRows(List<List<String>> records) {
        List<Map<String, String>> rows = new ArrayList<>();
        if (records.isEmpty()) {
            return rows;
        }
        List<String> header = records.get(0);
        for (List<String> record : records.subList(1, records.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i).trim(), i < record.size() ? record.get(i) : "");
            }
            rows.add(row);
        }
        return rows;
    }
}
