package dev.weir.engine.config;

import java.time.Duration;

/**
 * Bounds that protect the process from one bad or slow peer.
 *
 * @param maxConnections        connections open at once per listener; more are closed at accept
 * @param maxIncomingChunkSize  largest chunk size a peer may announce
 * @param maxMessageSize        largest RTMP message (bytes) a peer may send
 * @param maxChunkStreams       chunk stream ids one connection may have open at once
 * @param handshakeTimeout      time allowed from accept to the end of the handshake
 * @param idleTimeout           a connection that sends nothing for this long is closed
 * @param playerQueueBytes      bytes queued for one player before it is called slow and skips to the next keyframe
 * @param playerMaxSkips        skips in a row (without catching up) before a slow player is disconnected
 */
public record Limits(
        int maxConnections,
        int maxIncomingChunkSize,
        int maxMessageSize,
        int maxChunkStreams,
        Duration handshakeTimeout,
        Duration idleTimeout,
        long playerQueueBytes,
        int playerMaxSkips) {

    public static final Limits DEFAULTS = new Limits(
            1000, 65536, 16 * 1024 * 1024, 64,
            Duration.ofSeconds(10), Duration.ofSeconds(30),
            8L * 1024 * 1024, 3);
}
