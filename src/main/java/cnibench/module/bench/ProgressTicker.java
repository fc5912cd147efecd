package cnibench.module.bench;

import cnibench.module.spi.ModuleContext;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Tells the terminal every few seconds how long a timed run has left, while the run blocks. */
final class ProgressTicker implements AutoCloseable {
    private static final long EVERY_SECONDS = 5;
    private final ScheduledExecutorService timer;

    /** Ticks for runs longer than one period; shorter runs need no progress. */
    ProgressTicker(ModuleContext context, String what, long seconds) {
        if (seconds <= EVERY_SECONDS) {
            timer = null;
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress " + what);
            t.setDaemon(true);
            return t;
        });
        long startedAt = System.nanoTime();
        timer.scheduleAtFixedRate(() -> {
            long left = seconds - TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedAt);
            if (left > 0) {
                context.progress(what + " " + left + "s left");
            }
        }, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
