package cnibench.module.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.AtomicHistogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * Requests, errors, latency and the expected labels' counts per time bucket, by completion time.
 * Connections record into the current bucket without a lock; at each boundary the housekeeping
 * thread swaps in a fresh bucket and, once the phaser says no connection still writes to the old
 * one, turns it into a row. Memory stays two buckets however long the run.
 */
final class Timeline {
    /** Latency is recorded in microseconds; anything above an hour counts as an hour. */
    static final long HIGHEST_US = 3_600_000_000L;

    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private final int labels;
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile Bucket current;
    private Bucket spare;

    /** @param labels how many label ids (the expected ones) get a count column */
    Timeline(int labels) {
        this.labels = labels;
        current = new Bucket(labels);
        spare = new Bucket(labels);
    }

    /** Records one completed request; {@code latencyUs} < 0 for a request that got no response, {@code label} < 0 for none. */
    void record(long latencyUs, boolean error, int label) {
        long phase = phaser.writerCriticalSectionEnter();
        try {
            Bucket b = current;
            b.requests.incrementAndGet();
            if (error) {
                b.errors.incrementAndGet();
            }
            if (latencyUs >= 0) {
                b.latency.recordValue(Math.min(Math.max(latencyUs, 1), HIGHEST_US));
            }
            if (label >= 0 && label < labels) {
                b.counts.incrementAndGet(label);
            }
        } finally {
            phaser.writerCriticalSectionExit(phase);
        }
    }

    /** Ends the bucket that started at {@code epochSeconds}: it becomes a row, and recording goes on in a fresh one. */
    void close(double epochSeconds, List<String> labelNames) {
        Bucket done;
        phaser.readerLock();
        try {
            done = current;
            current = spare;
            phaser.flipPhase();
        } finally {
            phaser.readerUnlock();
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("t", Math.round(epochSeconds * 1000) / 1000.0);
        row.put("requests", done.requests.get());
        row.put("errors", done.errors.get());
        boolean any = done.latency.getTotalCount() > 0;
        row.put("latency_p50_ms", any ? LoadNumbers.ms(done.latency.getValueAtPercentile(50)) : null);
        row.put("latency_p99_ms", any ? LoadNumbers.ms(done.latency.getValueAtPercentile(99)) : null);
        row.put("latency_max_ms", any ? LoadNumbers.ms(done.latency.getMaxValue()) : null);
        for (int i = 0; i < labels; i++) {
            row.put("count_" + labelNames.get(i), done.counts.get(i));
        }
        requests.addAndGet(done.requests.get());
        errors.addAndGet(done.errors.get());
        synchronized (rows) {
            rows.add(row);
        }
        done.reset();
        spare = done;
    }

    List<Map<String, Object>> rows() {
        synchronized (rows) {
            return List.copyOf(rows);
        }
    }

    /** Requests of the closed buckets, for progress. */
    long requests() {
        return requests.get();
    }

    long errors() {
        return errors.get();
    }

    private static final class Bucket {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLongArray counts;
        // two significant digits: a bucket's p50 and p99 within 1 %, at a tenth of the memory of three
        final AtomicHistogram latency = new AtomicHistogram(1, HIGHEST_US, 2);

        Bucket(int labels) {
            counts = new AtomicLongArray(labels);
        }

        void reset() {
            requests.set(0);
            errors.set(0);
            for (int i = 0; i < counts.length(); i++) {
                counts.set(i, 0);
            }
            latency.reset();
        }
    }
}
