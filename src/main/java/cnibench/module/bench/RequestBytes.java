package cnibench.module.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bytes of every request of a run, built once: only the sequence number in the mirror header
 * differs from one request to the next, and it is written straight into the send buffer.
 */
final class RequestBytes {
    private static final int MAX_DIGITS = 20;
    private final byte[] head;
    private final byte[] tail;
    private final boolean numbered;

    private RequestBytes(byte[] head, byte[] tail, boolean numbered) {
        this.head = head;
        this.tail = tail;
        this.numbered = numbered;
    }

    /** @param sequenceHeader the header that carries each request's sequence number, or null */
    static RequestBytes of(URI url, String method, Map<String, String> headers, String body, String sequenceHeader) {
        String target = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            target += "?" + url.getRawQuery();
        }
        Map<String, String> all = new LinkedHashMap<>();
        all.put("host", "Host: " + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : ""));
        all.put("user-agent", "User-Agent: cnibench-http_load");
        headers.forEach((name, value) -> all.put(name.toLowerCase(), name + ": " + value));
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            all.put("content-length", "Content-Length: " + content.length);
        }
        StringBuilder text = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        all.values().forEach(line -> text.append(line).append("\r\n"));
        if (sequenceHeader != null) {
            text.append(sequenceHeader).append(": ");
        }
        byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] end = (sequenceHeader != null ? "\r\n\r\n" : "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = new byte[end.length + content.length];
        System.arraycopy(end, 0, tail, 0, end.length);
        System.arraycopy(content, 0, tail, end.length, content.length);
        return new RequestBytes(head, tail, sequenceHeader != null);
    }

    int maxLength() {
        return head.length + MAX_DIGITS + tail.length;
    }

    /** Writes request number {@code sequence} into {@code out} and returns its length. */
    int write(long sequence, byte[] out) {
        System.arraycopy(head, 0, out, 0, head.length);
        int at = head.length;
        if (numbered) {
            at = writeDigits(sequence, out, at);
        }
        System.arraycopy(tail, 0, out, at, tail.length);
        return at + tail.length;
    }

    private static int writeDigits(long value, byte[] out, int at) {
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        long v = value;
        for (int i = at + digits - 1; i >= at; i--) {
            out[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return at + digits;
    }
}
