package dev.weir.engine.stats;

import dev.weir.engine.hub.StreamHub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Builds an {@link EngineSnapshot} at a fixed rate and keeps the latest in a volatile field. Callers (console,
 * CLI, HTTP API) pull it with {@link #snapshot()}; nothing is pushed per packet, and the packet paths only bump
 * counters.
 *
 * <p>Each sample reads the hub's streams, the listeners, and the open connections' counters; connection bitrates
 * come from the change of their byte counters over about one second ({@link RateMeter}). Time comes from the
 * injected clocks, so tests drive {@link #sampleNow()} with a fake clock and no sleeping.
 */
public final class StatsSampler implements StatsSource, AutoCloseable {
    /** How often the running sampler takes a snapshot: four times a second, what the console redraws at. */
    public static final Duration DEFAULT_PERIOD = Duration.ofMillis(250);

    private static final Logger log = LoggerFactory.getLogger(StatsSampler.class);

    private final StreamHub hub;
    private final ConnectionRegistry connections;
    private final Supplier<List<ListenerSnapshot>> listeners;
    private final LongSupplier nanoTime;
    private final Clock wallClock;
    /** Rate meters per open connection, touched only while sampling (under this object's lock). */
    private final Map<String, ConnectionMeters> meters = new HashMap<>();
    private volatile EngineSnapshot latest = EngineSnapshot.EMPTY;
    private volatile UnaryOperator<StreamSnapshot> streamDetails = UnaryOperator.identity();
    private volatile Supplier<List<RelaySnapshot>> relays = List::of;
    private volatile java.util.function.Consumer<EngineSnapshot> onSample = s -> { };
    private ScheduledExecutorService timer;

    private record ConnectionMeters(RateMeter in, RateMeter out) {}

    /**
     * @param listeners snapshots of the engine's listeners, asked once per sample
     * @param nanoTime  monotonic clock for uptimes and rates; must be the clock connection counters were started with
     * @param wallClock for {@link EngineSnapshot#takenAt()}
     */
    public StatsSampler(StreamHub hub, ConnectionRegistry connections, Supplier<List<ListenerSnapshot>> listeners,
                        LongSupplier nanoTime, Clock wallClock) {
        this.hub = hub;
        this.connections = connections;
        this.listeners = listeners;
        this.nanoTime = nanoTime;
        this.wallClock = wallClock;
    }

    /**
     * Adds what the hub does not know to each stream's snapshot (TS continuity errors of SRT sources, recording
     * state); the engine sets it once at construction.
     */
    public void streamDetails(UnaryOperator<StreamSnapshot> details) {
        this.streamDetails = details;
    }

    /** The relays' states, asked once per sample; the engine sets it once at construction. */
    public void relays(Supplier<List<RelaySnapshot>> source) {
        this.relays = source;
    }

    /** Called with each new snapshot on the sampling thread (the engine derives recording events from it). */
    public void onSample(java.util.function.Consumer<EngineSnapshot> listener) {
        this.onSample = listener;
    }

    /** Starts sampling every {@code period} on a daemon thread named {@code weir-stats-sampler}. */
    public synchronized void start(Duration period) {
        if (timer != null) return;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "weir-stats-sampler");
            t.setDaemon(true);
            return t;
        });
        long nanos = period.toNanos();
        timer.scheduleAtFixedRate(this::sampleQuietly, 0, nanos, TimeUnit.NANOSECONDS);
    }

    private void sampleQuietly() {
        try {
            sampleNow();
        } catch (RuntimeException e) {
            // A failing sample must not end the schedule (scheduleAtFixedRate stops on an exception).
            log.warn("stats sample failed", e);
        }
    }

    /** The latest snapshot. Cheap: a volatile read. */
    @Override
    public EngineSnapshot snapshot() {
        return latest;
    }

    /** Takes a snapshot now, publishes it and returns it. The timer calls this; tests call it directly. */
    public synchronized EngineSnapshot sampleNow() {
        long now = nanoTime.getAsLong();
        List<StreamSnapshot> streams = new ArrayList<>();
        UnaryOperator<StreamSnapshot> details = streamDetails;
        for (StreamSnapshot st : hub.streamSnapshots()) streams.add(details.apply(st));
        EngineSnapshot s = new EngineSnapshot(wallClock.instant(), listeners.get(), List.copyOf(streams),
                connectionSnapshots(now), relays.get());
        latest = s;
        try {
            onSample.accept(s);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(StatsSampler.class).warn("snapshot listener failed", e);
        }
        return s;
    }

    private List<ConnectionSnapshot> connectionSnapshots(long now) {
        Collection<ConnectionCounters> open = connections.all();
        Map<String, Long> playerDrops = hub.droppedMessagesByConnection();
        List<ConnectionSnapshot> out = new ArrayList<>(open.size());
        Set<String> seen = new HashSet<>();
        for (ConnectionCounters c : open) {
            seen.add(c.id());
            ConnectionMeters m = meters.computeIfAbsent(c.id(), id -> new ConnectionMeters(RateMeter.perSecond(), RateMeter.perSecond()));
            long in = c.bytesIn();
            long outBytes = c.bytesOut();
            out.add(new ConnectionSnapshot(c.id(), c.protocol(), c.listenerId(), c.remoteAddress(), c.role(), c.state(),
                    c.streamKey(), Duration.ofNanos(Math.max(0, now - c.startNanos())), in, outBytes,
                    Math.round(m.in().update(now, in) * 8), Math.round(m.out().update(now, outBytes) * 8),
                    c.droppedMessages() + playerDrops.getOrDefault(c.id(), 0L), srtStatsOf(c)));
        }
        meters.keySet().retainAll(seen);
        out.sort(Comparator.comparing(ConnectionSnapshot::id));
        return out;
    }

    private static dev.weir.engine.srt.stats.SrtStats srtStatsOf(ConnectionCounters c) {
        try {
            return c.srtStats();
        } catch (RuntimeException e) {
            log.debug("SRT stats of {} failed", c.id(), e);
            return null;
        }
    }

    /** Stops the timer. The last snapshot stays readable. */
    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
