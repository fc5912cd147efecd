package cnibench.executor;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Background tasks started with async/poll: 0, looked up by async_status. */
public final class AsyncJobs {
    private static final AsyncJobs INSTANCE = new AsyncJobs();
    private final Map<String, CompletableFuture<Map<String, Object>>> jobs = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong(ProcessHandle.current().pid() * 1000);
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "async-job");
        t.setDaemon(true);
        return t;
    });

    /** One registry per JVM run, since async_status (a module) has no other way to reach it. */
    public static AsyncJobs instance() {
        return INSTANCE;
    }

    public String start(Supplier<Map<String, Object>> work) {
        String id = "j" + counter.incrementAndGet();
        jobs.put(id, CompletableFuture.supplyAsync(work, pool));
        return id;
    }

    /** The job's result when it finished, or null while it runs; throws when the id is unknown. */
    public Map<String, Object> poll(String id) {
        CompletableFuture<Map<String, Object>> job = jobs.get(id);
        if (job == null) {
            throw new IllegalArgumentException("could not find job " + id);
        }
        return job.isDone() ? job.join() : null;
    }

    public void cleanup(String id) {
        CompletableFuture<Map<String, Object>> job = jobs.remove(id);
        if (job != null) {
            job.cancel(true);
        }
    }
}
