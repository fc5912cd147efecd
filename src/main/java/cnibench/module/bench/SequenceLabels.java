package cnibench.module.bench;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The label of every counted response by its sequence number, one byte each, for joining with the
 * mirror analyzer's log afterwards. Stored in chunks allocated as the run reaches them; 0 means
 * the request was a warm-up one, failed, or was never sent.
 */
final class SequenceLabels {
    private static final int CHUNK_BITS = 20;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private final AtomicReferenceArray<byte[]> chunks = new AtomicReferenceArray<>(1 << (31 - CHUNK_BITS));

    /** Connections write different sequence numbers; the join reads after they have been joined. */
    void set(long sequence, int label) {
        int index = (int) (sequence >>> CHUNK_BITS);
        if (index >= chunks.length()) {
            return; // beyond two billion requests: left out of the join
        }
        byte[] chunk = chunks.get(index);
        if (chunk == null) {
            chunks.compareAndSet(index, null, new byte[CHUNK]);
            chunk = chunks.get(index);
        }
        chunk[(int) (sequence & (CHUNK - 1))] = (byte) (label + 1);
    }

    /** The label id of a counted response, or -1. */
    int get(long sequence) {
        int index = (int) (sequence >>> CHUNK_BITS);
        if (sequence < 0 || index >= chunks.length() || chunks.get(index) == null) {
            return -1;
        }
        return (chunks.get(index)[(int) (sequence & (CHUNK - 1))] & 0xff) - 1;
    }
}
