package cnibench.module.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One keep-alive HTTP/1.1 connection over a blocking socket, used by one thread: sends pre-built
 * request bytes and reads the response (Content-Length, chunked, or up to the close) into one
 * reused buffer. Written by hand because the load generator must not be what a run measures:
 * java.net.http costs several times more CPU per request (futures, header maps, a selector thread)
 * than a write and a read on a socket. A {@link #expire watchdog} enforces the timeout by closing
 * the socket, since a socket read with SO_TIMEOUT polls before every read (three system calls, not one).
 */
final class KeepAliveHttpClient implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;
    /** The label regex sees this much of a body; the rest is read and dropped. */
    static final int KEPT_BODY = 16 * 1024;

    private final InetSocketAddress address;
    private final long connectTimeoutNanos;
    private final long timeoutNanos;
    private final RequestBytes request;
    private final boolean head;
    private final boolean idempotent;
    private final byte[] out;
    private final byte[] buf = new byte[BUFFER];
    private final ByteChars body = new ByteChars(buf);
    /** Nanos by which the request in flight must be answered; 0 between requests. Whoever clears it owns the outcome. */
    private final AtomicLong deadline = new AtomicLong();
    private volatile Socket socket;
    private InputStream input;
    private OutputStream output;
    private int pos;
    private int lim;
    private int bodyStart;
    private int bodyEnd;
    private int status;
    private long contentLength;
    private boolean chunked;
    private boolean closeAfter;
    private boolean answered;
    private boolean retried;

    KeepAliveHttpClient(InetSocketAddress address, String method, RequestBytes request, int connectTimeoutMs, int timeoutMs) {
        this.address = address;
        this.request = request;
        this.head = method.equalsIgnoreCase("HEAD");
        this.idempotent = List.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE").contains(method.toUpperCase());
        this.connectTimeoutNanos = connectTimeoutMs * 1_000_000L;
        this.timeoutNanos = timeoutMs * 1_000_000L;
        this.out = new byte[request.maxLength()];
    }

    /**
     * Sends request number {@code sequence} and reads the whole response; returns its status code.
     * When a reused connection fails before any byte of an answer, the server had closed it while
     * idle (keep-alive timeout, a reload): the request is sent once more on a new connection, as
     * HTTP clients (k6's Go client among them) do for idempotent methods, and {@link #retried()} says so.
     */
    int exchange(long sequence) throws LoadError {
        retried = false;
        boolean reused = socket != null;
        try {
            return attempt(sequence);
        } catch (LoadError e) {
            if (!idempotent || !reused || answered || e.kind() != LoadError.Kind.RESET) {
                throw e;
            }
            retried = true;
            return attempt(sequence);
        }
    }

    /** Whether the last exchange had to send its request again on a new connection. */
    boolean retried() {
        return retried;
    }

    private int attempt(long sequence) throws LoadError {
        answered = false;
        if (socket == null) {
            connect();
        }
        int length = request.write(sequence, out);
        long due = System.nanoTime() + timeoutNanos;
        deadline.set(due);
        try {
            output.write(out, 0, length);
            readResponse();
        } catch (IOException e) {
            boolean expired = !deadline.compareAndSet(due, 0);
            close();
            throw expired ? new LoadError(LoadError.Kind.TIMEOUT, "no response within " + timeoutNanos / 1_000_000 + " ms")
                    : e instanceof LoadError l ? l : new LoadError(LoadError.Kind.RESET, describe(e));
        }
        if (!deadline.compareAndSet(due, 0)) {
            close(); // the watchdog closed it as the answer came in: late is late
            throw new LoadError(LoadError.Kind.TIMEOUT, "no response within " + timeoutNanos / 1_000_000 + " ms");
        }
        if (closeAfter) {
            close();
        }
        return status;
    }

    /** The kept part of the last response's body, valid until the next exchange. */
    CharSequence body() {
        return body.range(bodyStart, bodyEnd);
    }

    /** Called by the watchdog: closes the connection when its request is overdue, which ends a blocked read. */
    void expire(long now) {
        long due = deadline.get();
        if (due != 0 && now - due > 0 && deadline.compareAndSet(due, 0)) {
            close();
        }
    }

    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing is all that was wanted
            }
        }
    }

    /**
     * Connects without a socket timeout, under the watchdog's deadline like a request: a timed
     * connect leaves the socket non-blocking for good, and then every read polls first.
     */
    private void connect() throws LoadError {
        Socket s = new Socket();
        socket = s;
        long due = System.nanoTime() + connectTimeoutNanos;
        deadline.set(due);
        try {
            s.setTcpNoDelay(true);
            s.connect(address);
            input = s.getInputStream();
            output = s.getOutputStream();
        } catch (IOException e) {
            boolean expired = !deadline.compareAndSet(due, 0);
            close();
            throw new LoadError(LoadError.Kind.CONNECT, expired ? "no connection within " + connectTimeoutNanos / 1_000_000 + " ms"
                    : describe(e));
        }
        if (!deadline.compareAndSet(due, 0)) {
            close();
            throw new LoadError(LoadError.Kind.CONNECT, "no connection within " + connectTimeoutNanos / 1_000_000 + " ms");
        }
        pos = 0;
        lim = 0;
    }

    private void readResponse() throws IOException {
        if (pos < lim) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
        }
        lim -= pos;
        pos = 0;
        bodyStart = 0;
        bodyEnd = 0;
        int headEnd;
        while ((headEnd = indexOfBlankLine()) < 0) {
            fill();
        }
        parseHead(headEnd);
        pos = headEnd + 4;
        bodyStart = pos;
        bodyEnd = pos;
        if (head || status / 100 == 1 || status == 204 || status == 304) {
            return;
        }
        if (chunked) {
            readChunks();
        } else if (contentLength >= 0) {
            take(contentLength);
        } else {
            try {
                take(Long.MAX_VALUE); // no length: the body ends with the connection
            } catch (EOFException e) {
                closeAfter = true;
            }
        }
    }

    private void parseHead(int headEnd) throws LoadError {
        if (headEnd < 12 || !startsWith(0, "HTTP/1.") || buf[8] != ' ') {
            throw new LoadError(LoadError.Kind.PROTOCOL, "not an HTTP/1.x response");
        }
        status = (buf[9] - '0') * 100 + (buf[10] - '0') * 10 + (buf[11] - '0');
        boolean http10 = buf[7] == '0';
        closeAfter = http10;
        contentLength = -1;
        chunked = false;
        int line = lineEnd(0, headEnd) + 2;
        while (line < headEnd) {
            int end = lineEnd(line, headEnd);
            int colon = line;
            while (colon < end && buf[colon] != ':') {
                colon++;
            }
            int value = colon + 1;
            while (value < end && (buf[value] == ' ' || buf[value] == '\t')) {
                value++;
            }
            if (nameIs(line, colon, "content-length")) {
                contentLength = parseDecimal(value, end);
            } else if (nameIs(line, colon, "transfer-encoding")) {
                chunked = contains(value, end, "chunked");
            } else if (nameIs(line, colon, "connection")) {
                closeAfter = contains(value, end, "close") || http10 && !contains(value, end, "keep-alive");
            }
            line = end + 2;
        }
    }

    private void readChunks() throws IOException {
        while (true) {
            long size = parseHex(readLine());
            if (size == 0) {
                while (readLine() > 0) {
                    // trailer fields, unused
                }
                return;
            }
            take(size);
            if (readLine() != 0) {
                throw new LoadError(LoadError.Kind.PROTOCOL, "chunk longer than its size");
            }
        }
    }

    /** Consumes {@code length} body bytes, keeping the first {@link #KEPT_BODY} contiguous after the head. */
    private void take(long length) throws IOException {
        long left = length;
        while (left > 0) {
            if (pos == lim) {
                fill();
            }
            int n = (int) Math.min(left, lim - pos);
            int keep = Math.min(n, KEPT_BODY - (bodyEnd - bodyStart));
            if (keep > 0) {
                if (pos != bodyEnd) {
                    System.arraycopy(buf, pos, buf, bodyEnd, keep); // a chunked body closes up over the chunk lines
                }
                bodyEnd += keep;
            }
            pos += n;
            left -= n;
        }
    }

    /** Reads up to the next CRLF; returns the line's length, the line being the bytes before {@link #pos} - 2. */
    private int readLine() throws IOException {
        int from = pos;
        while (true) {
            for (int i = from; i + 1 < lim; i++) {
                if (buf[i] == '\r' && buf[i + 1] == '\n') {
                    int length = i - pos;
                    pos = i + 2;
                    return length;
                }
            }
            int before = pos;
            from = Math.max(pos, lim - 1);
            fill();
            from -= before - pos;
        }
    }

    /** Reads more bytes, first moving the unread ones down to the end of the kept body when the buffer is full. */
    private void fill() throws IOException {
        if (lim == buf.length && pos > bodyEnd) {
            System.arraycopy(buf, pos, buf, bodyEnd, lim - pos);
            lim -= pos - bodyEnd;
            pos = bodyEnd;
        }
        if (lim == buf.length) {
            throw new LoadError(LoadError.Kind.PROTOCOL, "response head larger than " + BUFFER / 1024 + " KiB");
        }
        int n = input.read(buf, lim, buf.length - lim);
        if (n < 0) {
            throw new EOFException("connection closed by the server");
        }
        answered = true;
        lim += n;
    }

    private int indexOfBlankLine() {
        for (int i = pos; i + 3 < lim; i++) {
            if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private int lineEnd(int from, int limit) {
        int i = from;
        while (i + 1 < limit && !(buf[i] == '\r' && buf[i + 1] == '\n')) {
            i++;
        }
        return i + 1 < limit ? i : limit;
    }

    private boolean startsWith(int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (buf[at + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean nameIs(int from, int to, String lowerName) {
        if (to - from != lowerName.length()) {
            return false;
        }
        for (int i = 0; i < lowerName.length(); i++) {
            if ((buf[from + i] | 0x20) != lowerName.charAt(i)) { // ASCII lower case; '-' has the bit already
                return false;
            }
        }
        return true;
    }

    private boolean contains(int from, int to, String lowerWord) {
        for (int at = from; at + lowerWord.length() <= to; at++) {
            if (nameIs(at, at + lowerWord.length(), lowerWord)) {
                return true;
            }
        }
        return false;
    }

    private long parseDecimal(int from, int to) throws LoadError {
        long value = 0;
        int i = from;
        for (; i < to && buf[i] >= '0' && buf[i] <= '9'; i++) {
            value = value * 10 + buf[i] - '0';
        }
        if (i == from) {
            throw new LoadError(LoadError.Kind.PROTOCOL, "bad Content-Length");
        }
        return value;
    }

    /** The size of the chunk whose line just ended; extensions after ';' are ignored. */
    private long parseHex(int lineLength) throws LoadError {
        long value = 0;
        int from = pos - 2 - lineLength;
        int i = from;
        for (; i < pos - 2; i++) {
            int digit = Character.digit(buf[i], 16);
            if (digit < 0) {
                break;
            }
            value = value * 16 + digit;
        }
        if (i == from) {
            throw new LoadError(LoadError.Kind.PROTOCOL, "bad chunk size");
        }
        return value;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** Bytes seen as ISO-8859-1 characters, so that a regex runs over the buffer without decoding it. */
    private static final class ByteChars implements CharSequence {
        private final byte[] bytes;
        private int from;
        private int to;

        ByteChars(byte[] bytes) {
            this.bytes = bytes;
        }

        ByteChars range(int start, int end) {
            from = start;
            to = end;
            return this;
        }

        @Override
        public int length() {
            return to - from;
        }

        @Override
        public char charAt(int index) {
            return (char) (bytes[from + index] & 0xff);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(bytes, from + start, end - start, StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
    }
}
