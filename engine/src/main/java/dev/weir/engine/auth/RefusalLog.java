package dev.weir.engine.auth;

import org.slf4j.Logger;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Writes refusal lines without letting a flood of refused attempts (a wrong passphrase retried in a loop, a
 * scanner trying tokens) flood the log. Per <em>(listener, reason, remote host)</em> the first refusal is logged
 * in full; further ones within the interval are only counted, and at the end of the interval one summary line says
 * how many there were ({@code srt:0.0.0.0:10080: 57 more refused from 192.0.2.7 (token_invalid) in the last 10 s}).
 * While the flood goes on there is one summary per interval; an interval without a refusal ends it, and the next
 * refusal is logged in full again. Counters elsewhere (metrics, listener {@code rejected}) stay exact: this class
 * only decides what is written.
 *
 * <p>The lines given here must not contain secrets (tokens, passphrases); callers pass what they would have logged.
 * The clock is injected ({@code nanoTime}), so the windows are tested without sleeping. A thread
 * ({@code weir-refusal-log}, started by {@link #start()} or, for {@link #warnTo}, by the first refusal) writes due
 * summaries even when no further refusal comes; {@link #close()} stops it.
 *
 * <p>At most {@value #MAX_KEYS} (listener, reason, host) triples are followed; refusals beyond that, from hosts not
 * followed yet, are folded into one triple per listener and reason with host {@code *}, so a flood from many
 * addresses costs bounded memory and still gives one summary per interval.
 */
public final class RefusalLog implements AutoCloseable {
    static final int MAX_KEYS = 1024;
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    /** Where lines go; {@link #warnTo(Logger)} for the real log. */
    @FunctionalInterface
    public interface Sink {
        void warn(String line);
    }

    private record Key(String listener, String reason, String host) {}

    /** A window opened by a logged line: refusals counted since, and when it ends. */
    private static final class Window {
        long startNanos;
        long suppressed;

        Window(long startNanos) {
            this.startNanos = startNanos;
        }
    }

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Sink sink;
    private final Map<Key, Window> windows = new LinkedHashMap<>();   // guarded by this
    private final boolean flushInBackground;
    private ScheduledExecutorService flusher;
    private boolean closed;

    /** Summaries are written when a later refusal or {@link #flush()} finds them due (for tests: no thread). */
    public RefusalLog(Duration interval, LongSupplier nanoTime, Sink sink) {
        this(interval, nanoTime, sink, false);
    }

    private RefusalLog(Duration interval, LongSupplier nanoTime, Sink sink, boolean flushInBackground) {
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("interval must be positive: " + interval);
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.sink = sink;
        this.flushInBackground = flushInBackground;
    }

    /**
     * Writes to {@code log} at WARN, with the real clock and a 10 s interval; the thread that writes due summaries
     * starts with the first refusal.
     */
    public static RefusalLog warnTo(Logger log) {
        return new RefusalLog(DEFAULT_INTERVAL, System::nanoTime, log::warn, true);
    }

    /**
     * One refusal.
     *
     * @param listener   which listener (or protocol) refused, e.g. {@code srt:0.0.0.0:10080} or {@code RTMP}
     * @param reason     a short label, e.g. {@code token_invalid}
     * @param remoteHost the peer's host (a {@code host:port} is cut at the port)
     * @param line       the full line to write when this one is logged; without secrets
     */
    public synchronized void refused(String listener, String reason, String remoteHost, String line) {
        long now = nanoTime.getAsLong();
        flushDue(now, false);
        Key key = new Key(listener, reason, hostOf(remoteHost));
        Window w = windows.get(key);
        if (w == null && windows.size() >= MAX_KEYS) {
            key = new Key(listener, reason, "*");
            w = windows.get(key);
        }
        if (w == null) {
            windows.put(key, new Window(now));
            sink.warn(line);
            if (flushInBackground && flusher == null && !closed) start();
        } else {
            w.suppressed++;
        }
    }

    /** Writes the summaries whose interval has ended. */
    public synchronized void flush() {
        flushDue(nanoTime.getAsLong(), false);
    }

    private void flushDue(long now, boolean all) {
        for (Iterator<Map.Entry<Key, Window>> it = windows.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Window> e = it.next();
            Window w = e.getValue();
            if (!all && now - w.startNanos < intervalNanos) continue;
            if (w.suppressed == 0) {
                it.remove();                       // quiet for a whole interval: the next one is news again
                continue;
            }
            Key k = e.getKey();
            sink.warn("%s: %d more refused from %s (%s) in the last %d s".formatted(k.listener(), w.suppressed,
                    k.host(), k.reason(), Math.max(1, Math.round((now - w.startNanos) / 1e9))));
            w.startNanos = now;
            w.suppressed = 0;
        }
    }

    /** Starts writing due summaries every second on {@code weir-refusal-log}. */
    public synchronized RefusalLog start() {
        if (flusher == null) {
            flusher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("weir-refusal-log").daemon().factory());
            flusher.scheduleWithFixedDelay(this::flush, 1, 1, TimeUnit.SECONDS);
        }
        return this;
    }

    /** Stops the thread and writes what is still counted, whatever the interval. */
    @Override
    public synchronized void close() {
        closed = true;
        if (flusher != null) flusher.shutdownNow();
        flushDue(nanoTime.getAsLong(), true);
    }

    static String hostOf(String remote) {
        if (remote == null || remote.isEmpty()) return "?";
        if (remote.startsWith("[")) {
            int end = remote.indexOf(']');
            return end > 0 ? remote.substring(1, end) : remote;
        }
        int colon = remote.lastIndexOf(':');
        if (colon < 0) return remote;
        // "host:port" (one colon, or an IPv6 literal without brackets followed by ":port", as InetAddress prints it)
        String port = remote.substring(colon + 1);
        return !port.isEmpty() && port.chars().allMatch(Character::isDigit) ? remote.substring(0, colon) : remote;
    }
}
