package cnibench.connection;

/** The host asks for a connection cnibench cannot make; the host is reported unreachable. */
public class UnsupportedConnectionException extends RuntimeException {
    public UnsupportedConnectionException(String message) {
        super(message);
    }
}
