package cnibench.module.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Which request a connection sends next, and when. Closed model (no rate): each connection sends
 * as soon as its previous answer is in. Open model (a rate): request i is due at start + i / rate
 * whatever the answers do, and its latency runs from that time, so a stall delays the requests
 * behind it and shows in their latency instead of silently lowering the rate (coordinated omission).
 */
final class LoadPlan {
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong counted = new AtomicLong();
    private final long start;
    private final long measureStart;
    private final long end;
    private final double nanosPerRequest;
    private final long requests;
    private final long firstCounted;
    private volatile boolean stopped;

    /** The request a connection takes: its sequence number, when it is due, and whether it is past the warm-up. */
    static final class Slot {
        long sequence;
        long due;
        boolean counted;
    }

    /**
     * @param requests counted requests to send, or -1 to send for {@code durationNanos}
     * @param rate     requests per second, or 0 for the closed model
     */
    LoadPlan(long start, long warmupNanos, long durationNanos, long requests, double rate) {
        this.start = start;
        this.measureStart = start + warmupNanos;
        this.end = requests < 0 ? measureStart + durationNanos : Long.MAX_VALUE;
        this.requests = requests;
        this.nanosPerRequest = rate > 0 ? 1e9 / rate : 0;
        this.firstCounted = rate > 0 ? (long) Math.ceil(warmupNanos / nanosPerRequest) : 0;
    }

    boolean paced() {
        return nanosPerRequest > 0;
    }

    /** When counting starts, in nanoTime. */
    long measureStart() {
        return measureStart;
    }

    /** Fills {@code slot} with the next request; false when the run has no more to send. */
    boolean next(Slot slot) {
        if (stopped) {
            return false;
        }
        long sequence = next.getAndIncrement();
        slot.sequence = sequence;
        if (paced()) {
            slot.due = start + (long) (sequence * nanosPerRequest);
            slot.counted = sequence >= firstCounted;
            return requests >= 0 ? sequence < firstCounted + requests : slot.due - end < 0;
        }
        long now = System.nanoTime();
        slot.due = now;
        slot.counted = now - measureStart >= 0;
        if (requests >= 0) {
            return !slot.counted || counted.getAndIncrement() < requests;
        }
        return now - end < 0;
    }

    /** Ends the run early: connections finish the request they are in and stop. */
    void stop() {
        stopped = true;
    }

    boolean stopped() {
        return stopped;
    }
}
