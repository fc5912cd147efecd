package cnibench.module.bench;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.HdrHistogram.Histogram;

/**
 * What a load run counts. Each connection thread keeps its own {@link Tally} (a plain histogram and
 * plain counters: no sharing on the hot path), merged when the run is over; the timeline and the
 * mirror's sequence labels are the shared parts.
 */
final class LoadRecorder {
    private final LabelSet labels;
    private final Timeline timeline;
    private final SequenceLabels sequences;
    private final List<Tally> tallies = new CopyOnWriteArrayList<>();

    /** @param sequences where to keep each response's label for the mirror join, or null */
    LoadRecorder(LabelSet labels, Timeline timeline, SequenceLabels sequences) {
        this.labels = labels;
        this.timeline = timeline;
        this.sequences = sequences;
    }

    LabelSet labels() {
        return labels;
    }

    Timeline timeline() {
        return timeline;
    }

    SequenceLabels sequences() {
        return sequences;
    }

    /** A tally for one connection thread. */
    Tally tally() {
        Tally tally = new Tally();
        tallies.add(tally);
        return tally;
    }

    /** A counted request that got a response; 5xx responses are errors and carry no label. */
    void response(Tally t, long sequence, long latencyNanos, int status, int label) {
        long us = Math.max(1, latencyNanos / 1000);
        t.latency.recordValue(us);
        t.requests++;
        t.statusCodes[status >= 100 && status < 600 ? status : 0]++;
        boolean error = status >= 500;
        if (error) {
            t.fail(LoadError.Kind.STATUS_5XX, "HTTP " + status);
        } else {
            t.responses++;
            t.labelCounts[label]++;
            if (sequences != null) {
                sequences.set(sequence, label);
            }
        }
        timeline.record(us, error, error ? -1 : label);
    }

    /** A counted request that got no response. */
    void failure(Tally t, LoadError e) {
        t.requests++;
        t.fail(e.kind(), e.getMessage());
        timeline.record(-1, true, -1);
    }

    /** All connections' tallies together; call after the connections are joined. */
    Tally total() {
        Tally total = new Tally();
        for (Tally t : tallies) {
            total.add(t);
        }
        return total;
    }

    /** One connection's counts. Only its own thread writes it. */
    static final class Tally {
        final Histogram latency = new Histogram(3);
        final long[] statusCodes = new long[600];
        final long[] labelCounts = new long[LabelSet.CAPACITY];
        final long[] errorKinds = new long[LoadError.Kind.values().length];
        final String[] firstErrors = new String[LoadError.Kind.values().length];
        long requests;
        long responses;
        long errors;
        long warmup;
        long retried;

        void fail(LoadError.Kind kind, String message) {
            errors++;
            errorKinds[kind.ordinal()]++;
            if (firstErrors[kind.ordinal()] == null) {
                firstErrors[kind.ordinal()] = message;
            }
        }

        void add(Tally other) {
            latency.add(other.latency);
            for (int i = 0; i < statusCodes.length; i++) {
                statusCodes[i] += other.statusCodes[i];
            }
            for (int i = 0; i < labelCounts.length; i++) {
                labelCounts[i] += other.labelCounts[i];
            }
            for (int i = 0; i < errorKinds.length; i++) {
                errorKinds[i] += other.errorKinds[i];
                if (firstErrors[i] == null) {
                    firstErrors[i] = other.firstErrors[i];
                }
            }
            requests += other.requests;
            responses += other.responses;
            errors += other.errors;
            warmup += other.warmup;
            retried += other.retried;
        }
    }
}
