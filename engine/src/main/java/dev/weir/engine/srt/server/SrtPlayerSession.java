package dev.weir.engine.srt.server;

import dev.weir.engine.ListenerContext;
import dev.weir.engine.bridge.TsFeed;
import dev.weir.engine.hub.PeerInfo;
import dev.weir.engine.hub.PlayerEvent;
import dev.weir.engine.hub.StreamKey;
import dev.weir.engine.hub.Subscription;
import dev.weir.engine.media.convert.FlvToTs;
import dev.weir.engine.media.ts.SrtPayloadGrouper;
import dev.weir.engine.srt.socket.SrtConnection;
import dev.weir.engine.stats.ConnectionCounters;
import dev.weir.engine.stats.ConnectionSnapshot.Role;
import dev.weir.engine.stats.ConnectionSnapshot.State;
import dev.weir.engine.stats.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * An SRT caller playing a stream as MPEG-TS. What it gets depends on where the stream comes from:
 *
 * <ul>
 *   <li>published over SRT: the publisher's TS as received (the stream's {@link TsFeed}), starting with PAT/PMT
 *       and the last keyframe's payload;</li>
 *   <li>published over RTMP: the hub's messages muxed by {@link FlvToTs} (PAT/PMT at least every 100 ms and
 *       before keyframes, PCR) and grouped seven 188-byte packets per SRT message ({@link SrtPayloadGrouper}); the
 *       hub's late-join cache makes it start at a keyframe.</li>
 * </ul>
 * When the publisher leaves, the player's connection is closed: SRT has no in-band "unpublished" signal, and a
 * reader such as ffmpeg or srt-live-transmit then ends (or reconnects) instead of waiting on a silent socket.
 */
final class SrtPlayerSession implements SrtSession {
    private static final Logger log = LoggerFactory.getLogger(SrtPlayerSession.class);
    /** How long a send may wait for room in the SRT send buffer before the player counts as gone. */
    private static final long WRITE_TIMEOUT_MS = 5000;
    /** Idle time after which muxed packets not yet making a full 1316-byte message are sent anyway. */
    private static final Duration FLUSH_AFTER = Duration.ofMillis(20);
    private static final Duration PASSTHROUGH_POLL = Duration.ofMillis(50);
    /** How long a leaving player's unacknowledged payloads may take to arrive before its connection closes. */
    private static final Duration LINGER = Duration.ofSeconds(1);
    /** At most this long for the player's latency buffer to play out before closing. */
    private static final long MAX_PLAYOUT_WAIT_MS = 2000;

    private final SrtConnection connection;
    private final StreamKey key;
    private final ConnectionCounters counters;
    private final ListenerContext context;
    private final String logContext;

    SrtPlayerSession(SrtConnection connection, StreamKey key, ConnectionCounters counters, ListenerContext context) {
        this.connection = connection;
        this.key = key;
        this.counters = counters;
        this.context = context;
        this.logContext = "srt " + counters.id() + " " + counters.remoteAddress() + " " + key;
    }

    @Override
    public void run() {
        counters.role(Role.PLAYER);
        counters.streamKey(key.toString());
        counters.state(State.PLAYING);
        try (Subscription subscription = context.hub().play(key,
                new PeerInfo(counters.id(), Protocol.SRT, counters.remoteAddress()))) {
            log.info("{}: playing", logContext);
            TsFeed feed = context.tsFeeds().current(key);
            if (feed != null && subscription.isPublished()) {
                passThrough(feed, subscription);
            } else {
                mux(subscription);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | UncheckedIOException e) {
            log.info("{}: player left: {}", logContext, e.getMessage());
        } finally {
            drainSendBuffer();
            counters.state(State.CLOSED);
            log.info("{}: stopped playing (connection {})", logContext, connection.state());
        }
    }

    /** Sends the SRT publisher's TS untouched until its feed ends. */
    private void passThrough(TsFeed feed, Subscription subscription) throws InterruptedException, IOException {
        log.debug("{}: TS passthrough from the SRT publisher", logContext);
        try (TsFeed.Reader reader = feed.subscribe()) {
            while (connection.isOpen()) {
                byte[] payload = reader.next(PASSTHROUGH_POLL);
                if (payload != null) {
                    if (payload.length == 0) {
                        log.info("{}: the publisher left", logContext);
                        return;
                    }
                    write(payload, payload.length);
                }
                // The hub's FLV-form copy is not needed here; take it off the queue, keep its control events.
                PlayerEvent e;
                while ((e = subscription.next(Duration.ZERO)) != null) {
                    if (e instanceof PlayerEvent.Disconnected d) {
                        log.info("{}: cut off: {}", logContext, d.reason());
                        return;
                    }
                }
            }
        }
    }

    /** Muxes the hub's messages (an RTMP source) into TS until the publisher leaves. */
    private void mux(Subscription subscription) throws InterruptedException, IOException {
        SrtPayloadGrouper grouper = new SrtPayloadGrouper(payload -> {
            try {
                write(payload, payload.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        FlvToTs muxer = new FlvToTs(logContext, grouper);
        while (connection.isOpen()) {
            PlayerEvent e = subscription.next(FLUSH_AFTER);
            switch (e) {
                case null -> grouper.flush();
                case PlayerEvent.Media m -> muxer.accept(m.message());
                case PlayerEvent.Published p -> grouper.flush();
                case PlayerEvent.Unpublished u -> {
                    grouper.flush();
                    log.info("{}: the publisher left", logContext);
                    return;
                }
                case PlayerEvent.Disconnected d -> {
                    log.info("{}: cut off: {}", logContext, d.reason());
                    return;
                }
            }
        }
    }

    /**
     * Lets the last payloads (and their retransmissions) reach the player, and its TSBPD buffer play them out,
     * before the connection closes: a receiver that gets SHUTDOWN drops what it still holds back for latency.
     */
    private void drainSendBuffer() {
        long deadline = System.nanoTime() + LINGER.toNanos();
        try {
            while (connection.isOpen() && System.nanoTime() < deadline
                    && connection.stats(false).instant().pktSndBuf() > 0) {
                Thread.sleep(20);
            }
            if (connection.isOpen()) {
                Thread.sleep(Math.min(connection.negotiated().sendLatencyMs(), MAX_PLAYOUT_WAIT_MS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(byte[] payload, int length) throws IOException {
        connection.write(payload, 0, length, WRITE_TIMEOUT_MS);
        counters.addBytesOut(length);
    }

    @Override
    public void close() {
        connection.close();
    }
}
