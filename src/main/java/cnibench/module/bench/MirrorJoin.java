package cnibench.module.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Joins the mirror analyzer's access log with the responses of a run: every request carried its
 * sequence number in a header, the analyzer logged the numbers of the copies it got, so each
 * label's mirrored share is counted, not sampled. Only counted responses take part (warm-up
 * requests and failed ones do not); a number logged twice counts once. Lines that are not a
 * number are ignored. The caller empties the log before the run: numbers left from an earlier
 * run would be joined as this run's.
 */
final class MirrorJoin {
    private static final long POLL_MS = 100;
    private static final long WAIT_MS = 1000;

    private MirrorJoin() {
    }

    /** Waits (up to a second) for the log to stop growing, then joins; {@code counts} are the responses per label. */
    static Map<String, Object> join(Path log, SequenceLabels sequences, LabelSet labels, Map<String, Long> counts)
            throws IOException, InterruptedException {
        waitForQuiet(log);
        if (!Files.isRegularFile(log)) {
            throw new IOException("mirror log " + log + " does not exist");
        }
        long[] mirrored = new long[LabelSet.CAPACITY];
        BitSet seen = new BitSet();
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.ISO_8859_1)) {
            for (String line; (line = in.readLine()) != null; ) {
                long sequence = parse(line.strip());
                if (sequence < 0 || sequence > Integer.MAX_VALUE || seen.get((int) sequence)) {
                    continue;
                }
                seen.set((int) sequence);
                int label = sequences.get(sequence);
                if (label >= 0) {
                    mirrored[label]++;
                }
            }
        }
        long allRequests = counts.values().stream().mapToLong(Long::longValue).sum();
        long allMirrored = 0;
        for (long n : mirrored) {
            allMirrored += n;
        }
        Map<String, Object> byLabel = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            long n = mirrored[labels.id(e.getKey())];
            Map<String, Object> entry = shares(e.getValue(), n);
            entry.put("share_of_mirrored", allMirrored > 0 ? LoadNumbers.share((double) n / allMirrored) : null);
            byLabel.put(e.getKey(), entry);
        }
        Map<String, Object> out = shares(allRequests, allMirrored);
        out.put("by_label", byLabel);
        return out;
    }

    private static Map<String, Object> shares(long requests, long mirrored) {
        WilsonInterval ci = WilsonInterval.of95(mirrored, requests);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requests", requests);
        out.put("mirrored", mirrored);
        out.put("share", requests > 0 ? LoadNumbers.share((double) mirrored / requests) : null);
        out.put("share_ci95_low", ci == null ? null : LoadNumbers.share(ci.low()));
        out.put("share_ci95_high", ci == null ? null : LoadNumbers.share(ci.high()));
        return out;
    }

    /** A line's sequence number, or -1 when the line is something else. */
    private static long parse(String line) {
        if (line.isEmpty() || line.length() > 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    /** The analyzer may still be writing the last copies when the load ends. */
    private static void waitForQuiet(Path log) throws InterruptedException {
        long size = -1;
        for (long waited = 0; waited < WAIT_MS; waited += POLL_MS) {
            long now = Files.isRegularFile(log) ? log.toFile().length() : -1;
            if (now >= 0 && now == size) {
                return;
            }
            size = now;
            TimeUnit.MILLISECONDS.sleep(POLL_MS);
        }
    }
}
