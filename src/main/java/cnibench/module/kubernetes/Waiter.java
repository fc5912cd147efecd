package cnibench.module.kubernetes;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls until something holds or the time is up. */
final class Waiter {
    private Waiter() {
    }

    /** True when check held before the timeout; sleeps between checks, never past the deadline. */
    static boolean until(BooleanSupplier check, Duration timeout, Duration sleep) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (check.getAsBoolean()) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            Thread.sleep(Math.max(1, Math.min(sleep.toMillis(), left / 1_000_000)));
        }
    }

    /** kubernetes.core's message style, one line: "Timed out after 5s waiting for Deployment ns/x condition Available=True". */
    static String timedOut(Duration timeout, String what) {
        return "Timed out after " + timeout.toSeconds() + "s waiting for " + what;
    }
}
