package dev.weir.engine.hub;

import dev.weir.engine.config.Limits;
import dev.weir.engine.media.flv.FlvAudioTag;
import dev.weir.engine.media.flv.FlvScriptTag;
import dev.weir.engine.media.flv.FlvVideoTag;
import dev.weir.engine.media.flv.TagRole;
import dev.weir.engine.stats.StreamSnapshot;
import dev.weir.engine.stats.StreamSnapshot.StreamState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * One key of the hub: its publisher (at most one), its players, its late-join cache and its counters.
 *
 * <p>Threads: the publisher's thread sends, each player's thread takes from its own {@link Player} queue,
 * sessions attach and detach, the stats sampler reads. A per-stream lock orders publish, send, attach and detach
 * so that a joining player sees the cache and then exactly the messages after it. Player threads take only their
 * queue's lock, so a slow player never holds up the publisher. Lock order: stream, then player.
 */
final class HubStream {
    private static final Logger log = LoggerFactory.getLogger(HubStream.class);
    private static final Player[] NO_PLAYERS = new Player[0];

    private final StreamKey key;
    private final InMemoryStreamHub hub;
    private final Limits limits;
    private final LongSupplier nanoTime;

    private final ReentrantLock lock = new ReentrantLock();
    // Guarded by lock:
    private final LateJoinCache cache;
    private final TrackInfo tracks = new TrackInfo();
    private HubPublication publication;
    private PeerInfo publisher;
    private long publishedAtNanos;
    private Player[] players = NO_PLAYERS;
    private boolean removed;
    private boolean hasVideo;
    private final StreamCounters counters = new StreamCounters();

    private volatile boolean published;

    HubStream(StreamKey key, InMemoryStreamHub hub, Limits limits, GopCacheLimits gopLimits,
              LongSupplier nanoTime) {
        this.key = key;
        this.hub = hub;
        this.limits = limits;
        this.nanoTime = nanoTime;
        this.cache = new LateJoinCache(gopLimits);
    }

    StreamKey key() {
        return key;
    }

    boolean isPublished() {
        return published;
    }

    /** Starts a publication, or returns {@code null} when this stream was removed meanwhile (the hub retries). */
    HubPublication publish(PeerInfo peer) throws StreamBusyException {
        lock.lock();
        try {
            if (removed) return null;
            if (publication != null) {
                log.warn("refused publisher {} on {}: {} already publishes", peer.remoteAddress(), key,
                        publisher.remoteAddress());
                throw new StreamBusyException(key);
            }
            publication = new HubPublication(this);
            publisher = peer;
            publishedAtNanos = nanoTime.getAsLong();
            published = true;
            hasVideo = false;
            counters.newPublisher();
            PlayerEvent event = new PlayerEvent.Published(key);
            for (Player p : players) {
                p.awaitResumePoint();
                p.offer(event, Delivery.KEEP, 0);
            }
            log.info("{} publishes {} ({}, {} players waiting)", peer.remoteAddress(), key, peer.protocol(), players.length);
            return publication;
        } finally {
            lock.unlock();
        }
    }

    /** Attaches a player, or returns {@code null} when this stream was removed meanwhile (the hub retries). */
    Player attach(PeerInfo peer) {
        lock.lock();
        try {
            if (removed) return null;
            Player player = new Player(this, peer, limits.playerQueueBytes(), limits.playerMaxSkips());
            player.awaitResumePoint();
            if (publication != null) {
                offerCached(player, cache.metadata(), Delivery.KEEP);
                offerCached(player, cache.videoSequenceHeader(), Delivery.KEEP);
                offerCached(player, cache.audioSequenceHeader(), Delivery.KEEP);
                Delivery delivery = Delivery.RESUME_POINT; // a cached GOP starts with its keyframe
                for (MediaMessage m : cache.gop()) {
                    offerCached(player, m, delivery);
                    delivery = Delivery.DROPPABLE;
                }
            }
            Player[] grown = Arrays.copyOf(players, players.length + 1);
            grown[players.length] = player;
            players = grown;
            log.info("{} plays {} ({} players)", peer.remoteAddress(), key, players.length);
            return player;
        } finally {
            lock.unlock();
        }
    }

    private static void offerCached(Player player, MediaMessage m, Delivery delivery) {
        if (m != null) player.offer(new PlayerEvent.Media(m), delivery, m.size());
    }

    /** The publisher's hot path: classify once, update the cache and counters, queue one shared event per player. */
    void send(HubPublication from, MediaMessage message) {
        lock.lock();
        try {
            if (publication != from) return; // closed: a late send from a publisher that already left
            counters.received(message.size());
            MediaMessage forwarded = message;
            Delivery delivery = switch (message.kind()) {
                case VIDEO -> classifyVideo(message);
                case AUDIO -> classifyAudio(message);
                case DATA -> {
                    forwarded = withoutSetDataFrame(message);
                    if (FlvScriptTag.ON_METADATA.equals(FlvScriptTag.nameOf(forwarded.body()))) {
                        cache.metadata(forwarded);
                        tracks.onMetadata(forwarded.body());
                    }
                    yield Delivery.KEEP;
                }
            };
            PlayerEvent event = new PlayerEvent.Media(forwarded);
            Player[] current = players;
            for (Player p : current) {
                if (p.offer(event, delivery, forwarded.size()) == Player.Offer.DISCONNECTED) {
                    counters.slowPlayerDisconnected();
                    remove(p);
                    log.warn("disconnected slow player {} from {}: it could not keep up ({} messages dropped)",
                            p.peer().remoteAddress(), key, p.droppedMessages());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private Delivery classifyVideo(MediaMessage m) {
        hasVideo = true;
        TagRole role = FlvVideoTag.roleOf(m.body());
        switch (role) {
            case SEQUENCE_HEADER -> {
                cache.videoSequenceHeader(m);
                tracks.onVideoSequenceHeader(m.body());
                return Delivery.KEEP;
            }
            case KEY_FRAME -> {
                cache.keyframe(m);
                counters.videoFrame();
                counters.keyframe(m.timestamp());
                return Delivery.RESUME_POINT;
            }
            case FRAME -> {
                cache.frame(m);
                counters.videoFrame();
                return Delivery.DROPPABLE;
            }
            case MALFORMED -> {
                return Delivery.DROPPABLE;
            }
            default -> {
                return Delivery.KEEP; // sequence end, metadata, command frames: small and meaningful
            }
        }
    }

    private Delivery classifyAudio(MediaMessage m) {
        TagRole role = FlvAudioTag.roleOf(m.body());
        switch (role) {
            case SEQUENCE_HEADER -> {
                cache.audioSequenceHeader(m);
                tracks.onAudioSequenceHeader(m.body());
                return Delivery.KEEP;
            }
            case FRAME -> {
                cache.frame(m);
                tracks.onAudioFrame(m.body());
                // Without video, every audio frame is a place a player can start from.
                return hasVideo ? Delivery.DROPPABLE : Delivery.RESUME_POINT;
            }
            case MALFORMED -> {
                return Delivery.DROPPABLE;
            }
            default -> {
                return Delivery.KEEP;
            }
        }
    }

    /** Encoders send {@code @setDataFrame("onMetaData", ...)}; players expect just {@code onMetaData(...)}. */
    private static MediaMessage withoutSetDataFrame(MediaMessage m) {
        int prefix = FlvScriptTag.setDataFramePrefixLength(m.body());
        if (prefix == 0) return m;
        return new MediaMessage(m.kind(), m.timestamp(), Arrays.copyOfRange(m.body(), prefix, m.body().length));
    }

    /** Ends a publication: players hear Unpublished and stay attached for the next publisher. */
    void unpublish(HubPublication from) {
        lock.lock();
        try {
            if (publication != from) return;
            log.info("{} stopped publishing {} ({} players stay)", publisher.remoteAddress(), key, players.length);
            publication = null;
            publisher = null;
            published = false;
            cache.clear();
            tracks.clear();
            PlayerEvent event = new PlayerEvent.Unpublished(key);
            for (Player p : players) p.offer(event, Delivery.KEEP, 0);
            removeIfUnused();
        } finally {
            lock.unlock();
        }
    }

    void detach(Player player) {
        lock.lock();
        try {
            if (remove(player)) log.info("{} stopped playing {} ({} players left)", player.peer().remoteAddress(), key, players.length);
            removeIfUnused();
        } finally {
            lock.unlock();
        }
    }

    private boolean remove(Player player) {
        for (int i = 0; i < players.length; i++) {
            if (players[i] == player) {
                Player[] shrunk = new Player[players.length - 1];
                System.arraycopy(players, 0, shrunk, 0, i);
                System.arraycopy(players, i + 1, shrunk, i, players.length - i - 1);
                players = shrunk;
                return true;
            }
        }
        return false;
    }

    private void removeIfUnused() {
        if (publication == null && players.length == 0 && !removed) {
            removed = true;
            hub.removeStream(this);
        }
    }

    void countSent(int bytes) {
        counters.sent(bytes);
    }

    void countDropped(int messages) {
        counters.dropped(messages);
    }

    /** The stream's stats now. Called by the stats sampler at its own rate, never per packet. */
    StreamSnapshot snapshot() {
        long now = nanoTime.getAsLong();
        lock.lock();
        try {
            StreamCounters.Rates rates = counters.rates(now);
            return new StreamSnapshot(
                    key.toString(),
                    publisher == null ? null : publisher.protocol(),
                    publisher == null ? null : publisher.remoteAddress(),
                    published ? StreamState.PUBLISHING : StreamState.IDLE,
                    published ? Duration.ofNanos(now - publishedAtNanos) : Duration.ZERO,
                    counters.bytesIn(),
                    rates.bitrateIn(),
                    counters.bytesOut(),
                    rates.bitrateOut(),
                    tracks.video(rates.fps()),
                    tracks.audio(),
                    counters.keyframeIntervalSec(),
                    players.length,
                    counters.dropped(),
                    counters.slowPlayerDisconnects());
        } finally {
            lock.unlock();
        }
    }

    /** Adds each attached player's dropped messages to {@code byConnection}, keyed by connection id. */
    void addPlayerDrops(Map<String, Long> byConnection) {
        Player[] current;
        lock.lock();
        try {
            current = players;
        } finally {
            lock.unlock();
        }
        for (Player p : current) {
            long n = p.droppedMessages();
            if (n > 0) byConnection.merge(p.peer().connectionId(), n, Long::sum);
        }
    }

    /** Bytes of the GOP cached for late joiners (for tests of the bounds). */
    long cachedGopBytes() {
        lock.lock();
        try {
            return cache.gopBytes();
        } finally {
            lock.unlock();
        }
    }

    int cachedGopMessages() {
        lock.lock();
        try {
            return cache.gop().size();
        } finally {
            lock.unlock();
        }
    }
}
