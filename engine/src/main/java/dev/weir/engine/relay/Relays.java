package dev.weir.engine.relay;

import dev.weir.engine.bridge.TsFeeds;
import dev.weir.engine.config.RelaySettings;
import dev.weir.engine.config.RelaySettings.Destination;
import dev.weir.engine.hub.StreamHub;
import dev.weir.engine.hub.StreamKey;
import dev.weir.engine.ops.SessionServices;
import dev.weir.engine.stats.ConnectionRegistry;
import dev.weir.engine.stats.RelaySnapshot;
import dev.weir.engine.stats.StreamSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Starts a {@link Relay} for each published stream and each destination that matches it ({@code -relay-to}), and
 * forgets it when it stopped (its publisher left). One thread ({@code relay-watch}) looks at the hub's streams
 * every {@value #WATCH_MILLIS} ms: the hub tells nobody when a publisher arrives, and a quarter second before the
 * relay connects costs nothing (the relay's subscription then starts with the cached GOP).
 */
public final class Relays implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Relays.class);
    static final int WATCH_MILLIS = 250;
    private static final AtomicLong IDS = new AtomicLong();

    private final StreamHub hub;
    private final ConnectionRegistry registry;
    private final TsFeeds feeds;
    private final RelaySettings settings;
    private final SessionServices services;
    private final LongSupplier nanoTime;
    private final Map<String, Relay> running = new LinkedHashMap<>();   // "key|destination index" → relay; guarded by this
    private final Map<String, String> unusable = new LinkedHashMap<>(); // destinations that failed to resolve, logged once
    private volatile boolean closed;
    private Thread watcher;

    /** @param feeds the TS feeds of SRT publishers, passed through untouched to SRT destinations */
    public Relays(StreamHub hub, ConnectionRegistry registry, TsFeeds feeds, RelaySettings settings,
                  SessionServices services, LongSupplier nanoTime) {
        this.feeds = feeds;
        this.hub = hub;
        this.registry = registry;
        this.settings = settings;
        this.services = services;
        this.nanoTime = nanoTime;
    }

    /** Starts watching (nothing at all when no destination is configured). */
    public synchronized void start() {
        if (settings.destinations().isEmpty() || watcher != null) return;
        watcher = Thread.ofVirtual().name("relay-watch").start(this::watch);
        log.info("relaying to {}", settings.destinations());
    }

    private void watch() {
        while (!closed) {
            try {
                check();
                Thread.sleep(WATCH_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("relay watch failed; trying again", e);
            }
        }
    }

    /** One look at the hub: start what is missing, forget what stopped. */
    synchronized void check() {
        if (closed) return;
        running.values().removeIf(Relay::finished);
        for (StreamSnapshot s : hub.streamSnapshots()) {
            if (s.state() != StreamSnapshot.StreamState.PUBLISHING) continue;
            List<Destination> destinations = settings.destinations();
            for (int i = 0; i < destinations.size(); i++) {
                Destination d = destinations.get(i);
                if (!d.matches(s.key())) continue;
                String id = s.key() + "|" + i;
                if (running.containsKey(id)) continue;
                StreamKey key;
                RelayTarget target;
                try {
                    key = StreamKey.parse(s.key());
                    target = RelayTarget.resolve(d, key);
                } catch (IllegalArgumentException e) {
                    if (unusable.put(id, e.getMessage()) == null) {
                        log.warn("relay of {} to {} cannot start: {}", s.key(), d, e.getMessage());
                    }
                    continue;
                }
                if (feedsItself(d, target)) {
                    if (unusable.put(id, "loop") == null) {
                        log.warn("relay of {} to {} not started: that is this server's own {} listener, and the same "
                                + "rule would relay {} again — a loop", s.key(), target.redacted(), target.protocol(),
                                target.destinationKey());
                    }
                    continue;
                }
                target = target.marked(services.relayLoops().outgoing(s.key()));
                Relay relay = new Relay("relay-" + IDS.incrementAndGet(), key, target, hub, registry, feeds, services, nanoTime);
                running.put(id, relay);
                relay.start();
            }
        }
    }

    /**
     * A destination on one of this engine's own listeners, publishing a key that the same rule relays again: the
     * same key would be refused as busy forever, another key ({@code rtmp://self/app/sub/}) would grow a new stream
     * each round. Resolves the host only when a listener of this engine has the destination's protocol and port.
     */
    private boolean feedsItself(Destination d, RelayTarget target) {
        String destinationKey = target.destinationKey();
        return destinationKey != null && d.matches(destinationKey)
                && services.relayLoops().pointsBackHere(target.protocol(), target.host(), target.port());
    }

    /** The relays running now and those that ended since the last look. */
    public synchronized List<RelaySnapshot> snapshots() {
        List<RelaySnapshot> out = new ArrayList<>(running.size());
        for (Relay r : running.values()) out.add(r.snapshot());
        return out;
    }

    /** Stops watching and stops every relay (each closes its connection). */
    @Override
    public void close() {
        List<Relay> all;
        synchronized (this) {
            if (closed) return;
            closed = true;
            all = new ArrayList<>(running.values());
        }
        Thread w = watcher;
        if (w != null) w.interrupt();
        for (Relay r : all) r.stop();
    }
}
