package dev.weir.engine.relay;

import dev.weir.engine.hooks.HookEvent;
import dev.weir.engine.hooks.HookEventType;
import dev.weir.engine.hub.MediaMessage;
import dev.weir.engine.hub.PeerInfo;
import dev.weir.engine.hub.PlayerEvent;
import dev.weir.engine.hub.StreamHub;
import dev.weir.engine.hub.StreamKey;
import dev.weir.engine.hub.Subscription;
import dev.weir.engine.media.flv.FlvAudioTag;
import dev.weir.engine.media.flv.FlvVideoTag;
import dev.weir.engine.media.flv.TagRole;
import dev.weir.engine.ops.SessionServices;
import dev.weir.engine.stats.ConnectionCounters;
import dev.weir.engine.stats.ConnectionRegistry;
import dev.weir.engine.stats.ConnectionSnapshot.Role;
import dev.weir.engine.stats.ConnectionSnapshot.State;
import dev.weir.engine.stats.RateMeter;
import dev.weir.engine.stats.RelaySnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One stream pushed to one destination, on its own thread ({@code relay-N}). It is a player of the hub like any
 * other: the hub's bounded queue and skip policy stand between it and the publisher, so a slow or dead destination
 * never slows the stream or the other relays; it only makes this relay skip to the next keyframe.
 *
 * <p>Life: subscribe, connect, send; when the connection fails, wait ({@link Backoff}: 1 s doubling to 30 s,
 * reset after a stable minute) while still draining the subscription (remembering metadata and sequence headers),
 * then connect again, send the remembered headers and resume at the next keyframe. Ends when the publisher leaves
 * or the engine closes. Each failure fires the {@code relay_failed} hook.
 */
final class Relay implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Relay.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final StreamKey key;
    private final RelayTarget target;
    private final StreamHub hub;
    private final ConnectionRegistry registry;
    private final SessionServices services;
    private final LongSupplier nanoTime;
    private final ConnectionCounters counters;
    private final Backoff backoff = new Backoff();
    private final RateMeter rate = RateMeter.perSecond();
    private final String logContext;

    private volatile RelaySnapshot.State state = RelaySnapshot.State.CONNECTING;
    private volatile String lastError;
    private volatile long reconnects;
    private volatile long bytesBefore;          // bytes of connections already closed
    private volatile RelayOutput output;        // written by the relay thread only
    private volatile boolean running = true;
    private volatile Thread thread;

    // Remembered for a reconnect: what a decoder needs before the next keyframe.
    private MediaMessage metadata;
    private MediaMessage videoHeader;
    private MediaMessage audioHeader;
    private boolean hasVideo;

    Relay(String id, StreamKey key, RelayTarget target, StreamHub hub, ConnectionRegistry registry,
          SessionServices services, LongSupplier nanoTime) {
        this.key = key;
        this.target = target;
        this.hub = hub;
        this.registry = registry;
        this.services = services;
        this.nanoTime = nanoTime;
        this.counters = new ConnectionCounters(id, target.protocol(), null, target.remoteAddress(), nanoTime.getAsLong());
        this.logContext = "relay " + id + " " + key + " -> " + target.redacted();
    }

    StreamKey key() {
        return key;
    }

    String destination() {
        return target.redacted();
    }

    boolean finished() {
        return state == RelaySnapshot.State.STOPPED;
    }

    void start() {
        thread = Thread.ofVirtual().name("relay-" + counters.id()).start(this);
    }

    /** Stops the relay and waits (up to 2 s) for its thread to close the connection. */
    void stop() {
        running = false;
        RelayOutput o = output;
        if (o != null) o.close();
        Thread t = thread;
        if (t != null) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    RelaySnapshot snapshot() {
        RelayOutput o = output;
        long bytes = bytesBefore + (o == null ? 0 : o.bytesSent());
        long bitrate = Math.round(rate.update(nanoTime.getAsLong(), bytes) * 8);
        return new RelaySnapshot(key.toString(), target.redacted(), state, bytes, bitrate, reconnects, lastError);
    }

    @Override
    public void run() {
        registry.register(counters);
        counters.role(Role.PLAYER);
        counters.streamKey(key.toString());
        Subscription subscription = hub.play(key, new PeerInfo(counters.id(), target.protocol(), target.remoteAddress()));
        log.info("{}: started", logContext);
        long retryAt = nanoTime.getAsLong();
        long connectedAt = 0;
        boolean connectedBefore = false;
        boolean waitingForKeyframe = true;
        try {
            while (running) {
                if (output == null && nanoTime.getAsLong() - retryAt >= 0) {
                    state = RelaySnapshot.State.CONNECTING;
                    counters.state(State.HANDSHAKE);
                    try {
                        output = RelayOutput.open(target, logContext);
                        if (connectedBefore) reconnects++;
                        connectedBefore = true;
                        connectedAt = nanoTime.getAsLong();
                        state = RelaySnapshot.State.RUNNING;
                        counters.state(State.PLAYING);
                        log.info("{}: connected{}", logContext, reconnects > 0 ? " (reconnect " + reconnects + ")" : "");
                        waitingForKeyframe = true;
                        for (MediaMessage m : new MediaMessage[] {metadata, videoHeader, audioHeader}) {
                            if (m != null) output.send(m);
                        }
                    } catch (IOException | RuntimeException e) {
                        retryAt = failed(e, 0);
                        continue;
                    }
                }
                long waitNanos = output != null ? POLL.toNanos() : Math.max(0, Math.min(POLL.toNanos(), retryAt - nanoTime.getAsLong()));
                PlayerEvent event = subscription.next(Duration.ofNanos(Math.max(1_000_000, waitNanos)));
                try {
                    switch (event) {
                        case null -> {
                            if (output != null) output.flush();
                        }
                        case PlayerEvent.Media(MediaMessage m) -> {
                            TagRole role = remember(m);
                            if (output != null) {
                                if (waitingForKeyframe && (role == TagRole.KEY_FRAME || !hasVideo && role == TagRole.FRAME)) {
                                    waitingForKeyframe = false;
                                }
                                if (!waitingForKeyframe || role != TagRole.FRAME && role != TagRole.KEY_FRAME) {
                                    output.send(m);
                                    counters.addBytesOut(m.size());
                                }
                            }
                        }
                        case PlayerEvent.Published p -> { }
                        case PlayerEvent.Unpublished u -> {
                            log.info("{}: the publisher left", logContext);
                            running = false;
                        }
                        case PlayerEvent.Disconnected d -> {
                            // Cut off by the hub as too slow (the destination could not keep up): start over.
                            log.warn("{}: {}; subscribing again", logContext, d.reason());
                            subscription.close();
                            if (!hub.isPublished(key)) {
                                running = false;
                            } else {
                                subscription = hub.play(key, new PeerInfo(counters.id(), target.protocol(), target.remoteAddress()));
                                waitingForKeyframe = true;
                            }
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    retryAt = failed(e, nanoTime.getAsLong() - connectedAt);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeOutput();
            subscription.close();
            state = RelaySnapshot.State.STOPPED;
            counters.state(State.CLOSED);
            registry.unregister(counters);
            log.info("{}: stopped ({} reconnects)", logContext, reconnects);
        }
    }

    /** Keeps the decoder configuration for a reconnect; returns the message's role. */
    private TagRole remember(MediaMessage m) {
        switch (m.kind()) {
            case DATA -> {
                metadata = m;
                return TagRole.SIDE_DATA;
            }
            case VIDEO -> {
                hasVideo = true;
                TagRole role = FlvVideoTag.roleOf(m.body());
                if (role == TagRole.SEQUENCE_HEADER) videoHeader = m;
                return role;
            }
            default -> {
                TagRole role = FlvAudioTag.roleOf(m.body());
                if (role == TagRole.SEQUENCE_HEADER) audioHeader = m;
                return role;
            }
        }
    }

    private long failed(Exception e, long connectedNanos) {
        String why = e.getMessage() == null ? e.toString() : e.getMessage();
        closeOutput();
        if (!running) return nanoTime.getAsLong();
        lastError = why;
        state = RelaySnapshot.State.BACKOFF;
        counters.state(State.HANDSHAKE);
        long delay = backoff.delayNanos(connectedNanos);
        log.warn("{}: {}; retrying in {} s", logContext, why, delay / 1_000_000_000.0);
        services.fire(HookEvent.now(HookEventType.RELAY_FAILED, key.toString(), target.protocol(),
                target.remoteAddress(), counters.id(), Map.of("destination", target.redacted(), "error", why)));
        return nanoTime.getAsLong() + delay;
    }

    private void closeOutput() {
        RelayOutput o = output;
        if (o != null) {
            bytesBefore += o.bytesSent();
            output = null;
            o.close();
        }
    }
}
