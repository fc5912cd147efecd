package cnibench.executor;

import cnibench.inventory.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Function;

/** Runs work for several hosts on the pool, at most so many at a time (forks, throttle); results in host order. */
final class HostFanOut {
    private final ExecutorService pool;

    HostFanOut(ExecutorService pool) {
        this.pool = pool;
    }

    <T> List<T> run(List<Host> hosts, int limit, Function<Host, T> work) {
        if (hosts.size() == 1) {
            return List.of(work.apply(hosts.get(0)));
        }
        Semaphore slots = new Semaphore(Math.max(1, limit));
        List<Future<T>> futures = new ArrayList<>();
        for (Host h : hosts) {
            futures.add(pool.submit(() -> {
                slots.acquireUninterruptibly();
                try {
                    return work.apply(h);
                } finally {
                    slots.release();
                }
            }));
        }
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) {
            out.add(await(f));
        }
        return out;
    }

    /** Runs work for every host at once, each on its own (the free strategy), and waits for all. */
    void each(List<Host> hosts, Consumer<Host> work) {
        List<Future<?>> running = new ArrayList<>();
        for (Host h : hosts) {
            running.add(pool.submit(() -> work.accept(h)));
        }
        running.forEach(HostFanOut::await);
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }
}
