package dev.weir.engine.hooks;

import dev.weir.engine.config.HookSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends events to the hooks without ever making the caller wait.
 *
 * <p>{@link #fire} puts one delivery per matching hook on a bounded queue and returns at once; {@code concurrency}
 * named worker threads ({@code weir-hook-N}) run them, each cut off at the timeout. When the queue is full the
 * delivery is dropped, counted and logged (at most one warning a second): a stuck webhook must not grow memory or
 * slow a publisher. A failed hook is logged with the event and never retried.
 *
 * <p>Sessions call it where the event happens, e.g. after a publish starts:
 * {@code hooks.fire(HookEvent.now(PUBLISH_START, key, Protocol.RTMP, remote, connId, Map.of()))}.
 */
public final class HookDispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HookDispatcher.class);
    public static final int DEFAULT_QUEUE_CAPACITY = 1000;
    /** How long {@link #close()} lets queued hooks finish, so stopping the server stays quick. */
    public static final int SHUTDOWN_GRACE_SECONDS = 5;

    /** A sink and the event it wants; {@code event == null} means every event (stdio). */
    public record Route(HookEventType event, HookSink sink) {}

    private final List<Route> routes;
    private final Duration timeout;
    private final ThreadPoolExecutor workers;
    private final HttpClient httpClient;
    private final ExecutorService httpExecutor;

    private final LongAdder queued = new LongAdder();
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder timedOut = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final AtomicLong lastDropWarningNanos = new AtomicLong(System.nanoTime() - TimeUnit.SECONDS.toNanos(2));

    /**
     * @param httpClient closed with the dispatcher, may be {@code null}
     * @param httpExecutor the client's executor, shut down with the dispatcher, may be {@code null}
     */
    public HookDispatcher(List<Route> routes, Duration timeout, int concurrency, int queueCapacity,
                          HttpClient httpClient, ExecutorService httpExecutor) {
        this.routes = List.copyOf(routes);
        this.timeout = timeout;
        this.httpClient = httpClient;
        this.httpExecutor = httpExecutor;
        this.workers = new ThreadPoolExecutor(concurrency, concurrency, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), Thread.ofPlatform().name("weir-hook-", 0).daemon().factory(),
                new ThreadPoolExecutor.AbortPolicy());
        this.workers.allowCoreThreadTimeOut(true);
    }

    /**
     * Builds the hooks the settings describe. Script paths are checked now (exists, executable) so a typo fails
     * at start.
     *
     * @param stdout where the stdio hook writes (the process's standard output in the server)
     */
    public static HookDispatcher create(HookSettings settings, PrintStream stdout) {
        List<Route> routes = new ArrayList<>();
        for (HookSettings.Binding b : settings.scripts()) {
            routes.add(new Route(b.event(), ScriptSink.checked(Path.of(b.target()))));
        }
        HttpClient client = null;
        ExecutorService httpExecutor = null;
        if (!settings.webhooks().isEmpty()) {
            httpExecutor = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("weir-webhook-http-", 0).daemon().factory());
            client = HttpClient.newBuilder()
                    .connectTimeout(settings.timeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .executor(httpExecutor)
                    .build();
            for (HookSettings.Binding b : settings.webhooks()) {
                routes.add(new Route(b.event(), new WebhookSink(URI.create(b.target()), client)));
            }
        }
        if (settings.stdioFormat() != null) {
            routes.add(new Route(null, new StdioSink(StdioSink.Format.parse(settings.stdioFormat()), stdout)));
        }
        return new HookDispatcher(routes, settings.timeout(), settings.concurrency(), DEFAULT_QUEUE_CAPACITY, client, httpExecutor);
    }

    /**
     * Queues {@code event} for every hook that wants it and returns at once.
     *
     * @return {@code false} when at least one delivery was dropped because the queue was full
     */
    public boolean fire(HookEvent event) {
        boolean all = true;
        for (Route r : routes) {
            if (r.event() != null && r.event() != event.type()) continue;
            try {
                workers.execute(() -> run(r.sink(), event));
                queued.increment();
            } catch (RejectedExecutionException full) {
                all = false;
                dropped.increment();
                warnDropped(r.sink(), event);
            }
        }
        return all;
    }

    private void run(HookSink sink, HookEvent event) {
        try {
            sink.deliver(event, timeout);
            succeeded.increment();
            log.debug("hook {} done for {}", sink.describe(), event.summary());
        } catch (HookFailedException e) {
            (e.timedOut() ? timedOut : failed).increment();
            log.warn("hook failed for {}: {}", event.summary(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failed.increment();
            log.warn("hook {} failed for {}", sink.describe(), event.summary(), e);
        }
    }

    private void warnDropped(HookSink sink, HookEvent event) {
        long now = System.nanoTime();
        long last = lastDropWarningNanos.get();
        if (now - last >= TimeUnit.SECONDS.toNanos(1) && lastDropWarningNanos.compareAndSet(last, now)) {
            log.warn("hook queue full ({} waiting): dropped {} for {}; {} dropped since start",
                    workers.getQueue().size(), sink.describe(), event.summary(), dropped.sum());
        }
    }

    /** Deliveries accepted onto the queue since start. */
    public long queuedCount() { return queued.sum(); }
    public long succeededCount() { return succeeded.sum(); }
    /** Deliveries that failed for a reason other than the timeout. */
    public long failedCount() { return failed.sum(); }
    public long timedOutCount() { return timedOut.sum(); }
    /** Deliveries dropped because the queue was full. */
    public long droppedCount() { return dropped.sum(); }
    /** Deliveries waiting for a worker now. */
    public int pendingCount() { return workers.getQueue().size(); }

    public List<Route> routes() {
        return routes;
    }

    /**
     * Stops: waits up to {@value #SHUTDOWN_GRACE_SECONDS} s (or the hook timeout if shorter) for queued
     * deliveries, then interrupts the rest (scripts are killed, HTTP requests cancelled).
     */
    @Override
    public void close() {
        workers.shutdown();
        long graceMillis = Math.min(timeout.toMillis(), TimeUnit.SECONDS.toMillis(SHUTDOWN_GRACE_SECONDS));
        try {
            if (!workers.awaitTermination(graceMillis, TimeUnit.MILLISECONDS)) {
                log.warn("hooks still running at shutdown; {} deliveries abandoned", workers.shutdownNow().size());
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        if (httpClient != null) httpClient.shutdownNow();
        if (httpExecutor != null) httpExecutor.shutdownNow();
    }
}
