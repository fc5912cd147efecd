package cnibench.module.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one load from this JVM: a thread per connection, each with its own keep-alive client, while
 * the calling thread keeps house (the timeout watchdog, the timeline's buckets, progress). Returns
 * the result as a map, the same whether it ran in the module's JVM or in a child one.
 */
final class HttpLoad {
    private static final long PROGRESS_EVERY = TimeUnit.SECONDS.toNanos(5);

    private HttpLoad() {
    }

    /** @param stop asked at every housekeeping tick: true ends the run early, as Ctrl-C does (the result still comes) */
    static Map<String, Object> run(HttpLoadSettings s, Consumer<String> progress, BooleanSupplier stop) throws Exception {
        URI url = URI.create(s.url());
        InetSocketAddress address = new InetSocketAddress(url.getHost(), url.getPort() > 0 ? url.getPort() : 80);
        if (address.isUnresolved()) {
            return LoadResult.failedBeforeStart(s, "cannot resolve " + url.getHost());
        }
        LabelSet labels = new LabelSet(s.expectedLabels());
        Timeline timeline = new Timeline(labels.expected());
        LoadRecorder recorder = new LoadRecorder(labels, timeline, s.mirrorLog() != null ? new SequenceLabels() : null);
        RequestBytes request = RequestBytes.of(url, s.method(), s.headers(), s.body(), s.mirrorLog() != null ? s.mirrorHeader() : null);
        Pattern label = s.label() == null ? null : Pattern.compile(s.label());

        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        LoadPlan plan = new LoadPlan(start, seconds(s.warmup()), s.duration() == null ? 0 : seconds(s.duration()),
                s.requests() == null ? -1 : s.requests(), s.rate() == null ? 0 : s.rate());
        List<KeepAliveHttpClient> clients = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(s.connections());
        for (int i = 0; i < s.connections(); i++) {
            KeepAliveHttpClient client = new KeepAliveHttpClient(address, s.method(), request, s.connectTimeoutMs(), s.timeoutMs());
            Thread thread = new Thread(new Sender(plan, client, recorder, label, done), "http_load " + i);
            thread.setDaemon(true);
            clients.add(client);
            thread.start();
        }
        long end = keepHouse(s, plan, clients, done, timeline, labels, startedAt, start, progress, stop);
        clients.forEach(KeepAliveHttpClient::close);
        LoadResult result = new LoadResult(s, recorder, epoch(startedAt, start, plan.measureStart()), epoch(startedAt, start, end),
                (end - plan.measureStart()) / 1e9);
        if (recorder.sequences() != null) {
            try {
                result.mirror(MirrorJoin.join(Path.of(s.mirrorLog()), recorder.sequences(), labels, result.counts()));
            } catch (IOException e) {
                result.mirrorError(e.getMessage());
            }
        }
        Map<String, Object> out = result.toMap();
        out.putAll(LoadFiles.write(s, result));
        if (plan.stopped()) {
            out.put("stopped_early", true);
        }
        return out;
    }

    /**
     * Until every connection is done: closes overdue connections, closes timeline buckets at their
     * boundaries, reports progress. A stop request or an interrupt stops the plan and waits for the
     * connections. Returns when the last one finished, in nanoTime.
     */
    private static long keepHouse(HttpLoadSettings s, LoadPlan plan, List<KeepAliveHttpClient> clients, CountDownLatch done,
                                  Timeline timeline, LabelSet labels, Instant startedAt, long start, Consumer<String> progress,
                                  BooleanSupplier stop) {
        long interval = TimeUnit.MILLISECONDS.toNanos(s.timelineIntervalMs());
        long watchdogEvery = Math.max(TimeUnit.MILLISECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(s.timeoutMs()) / 20);
        long nextBoundary = plan.measureStart() + interval;
        long nextProgress = start + PROGRESS_EVERY;
        long now = start;
        while (!finished(done, Math.max(0, Math.min(nextBoundary - now, watchdogEvery)), plan)) {
            now = System.nanoTime();
            for (KeepAliveHttpClient client : clients) {
                client.expire(now);
            }
            while (now - nextBoundary >= 0) {
                timeline.close(epoch(startedAt, start, nextBoundary - interval), expectedNames(labels));
                nextBoundary += interval;
            }
            if (now - nextProgress >= 0) {
                progress.accept(progressLine(s, plan, timeline, start, now));
                nextProgress += PROGRESS_EVERY;
            }
            if (stop.getAsBoolean()) {
                plan.stop();
            }
        }
        long end = System.nanoTime();
        if (end - plan.measureStart() > 0) {
            timeline.close(epoch(startedAt, start, nextBoundary - interval), expectedNames(labels)); // the last, partial bucket
        }
        return end;
    }

    /** Waits up to {@code nanos} for the connections to finish; an interrupt ends the run early instead. */
    private static boolean finished(CountDownLatch done, long nanos, LoadPlan plan) {
        try {
            return done.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            plan.stop();
            return false;
        }
    }

    private static List<String> expectedNames(LabelSet labels) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < labels.expected(); i++) {
            names.add(labels.name(i));
        }
        return names;
    }

    private static String progressLine(HttpLoadSettings s, LoadPlan plan, Timeline timeline, long start, long now) {
        String line = "http_load " + s.url() + ": ";
        if (now - plan.measureStart() < 0) {
            return line + "warming up";
        }
        double measured = (now - plan.measureStart()) / 1e9;
        line += timeline.requests() + " requests, " + Math.round(timeline.requests() / measured) + "/s, "
                + timeline.errors() + " errors";
        double left = s.plannedSeconds() - (now - start) / 1e9;
        return left >= 1 ? line + ", " + Math.round(left) + "s left" : line;
    }

    private static long seconds(double value) {
        return Math.round(value * 1e9);
    }

    /** A nanoTime instant as epoch seconds. */
    private static double epoch(Instant startedAt, long start, long nanos) {
        return startedAt.getEpochSecond() + startedAt.getNano() / 1e9 + (nanos - start) / 1e9;
    }

    /** One connection: takes requests from the plan, sends them, records what happened. */
    private static final class Sender implements Runnable {
        private final LoadPlan plan;
        private final KeepAliveHttpClient client;
        private final LoadRecorder recorder;
        private final Matcher matcher;
        private final CountDownLatch done;

        Sender(LoadPlan plan, KeepAliveHttpClient client, LoadRecorder recorder, Pattern label, CountDownLatch done) {
            this.plan = plan;
            this.client = client;
            this.recorder = recorder;
            this.matcher = label == null ? null : label.matcher("");
            this.done = done;
        }

        @Override
        public void run() {
            try {
                send();
            } finally {
                done.countDown();
            }
        }

        private void send() {
            LoadRecorder.Tally tally = recorder.tally();
            LoadPlan.Slot slot = new LoadPlan.Slot();
            int none = -1;
            while (plan.next(slot)) {
                if (plan.paced()) {
                    for (long wait; (wait = slot.due - System.nanoTime()) > 0; ) {
                        LockSupport.parkNanos(wait);
                    }
                }
                int status;
                try {
                    status = client.exchange(slot.sequence);
                } catch (LoadError e) {
                    if (slot.counted) {
                        recorder.failure(tally, e);
                    } else {
                        tally.warmup++;
                    }
                    continue;
                }
                long latency = System.nanoTime() - slot.due;
                if (!slot.counted) {
                    tally.warmup++;
                    continue;
                }
                if (client.retried()) {
                    tally.retried++;
                }
                int label = -1;
                if (status < 500 && matcher != null && matcher.reset(client.body()).find() && matcher.group(1) != null) {
                    label = recorder.labels().id(matcher.group(1));
                } else if (status < 500) {
                    label = none >= 0 ? none : (none = recorder.labels().id(LabelSet.NONE));
                }
                recorder.response(tally, slot.sequence, latency, status, label);
            }
        }
    }
}
