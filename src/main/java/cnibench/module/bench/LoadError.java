package cnibench.module.bench;

import java.io.IOException;

/** Why one request of a load run failed, as the run counts it. */
final class LoadError extends IOException {
    enum Kind {
        CONNECT, RESET, TIMEOUT, PROTOCOL, STATUS_5XX;

        String key() {
            return name().toLowerCase();
        }
    }

    private final Kind kind;

    LoadError(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** Thrown for every failed request, up to thousands a second against a closed port: no stack trace. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    Kind kind() {
        return kind;
    }
}
