package dev.weir.engine.stats;

import dev.weir.engine.srt.stats.SrtStats;

import java.time.Duration;

/**
 * One network connection.
 *
 * @param id              unique within the engine's run, e.g. {@code rtmp-17}
 * @param protocol        what it speaks
 * @param listenerId      the listener that accepted it, {@code null} for outgoing connections
 * @param remoteAddress   {@code host:port} of the peer
 * @param role            what it does on its stream
 * @param state           where it is in its life
 * @param streamKey       the stream it publishes or plays, {@code null} before that is known
 * @param uptime          since accepted
 * @param bytesIn         bytes read from the socket
 * @param bytesOut        bytes written to the socket
 * @param bitrateIn       bits per second read, over the last second or so
 * @param bitrateOut      bits per second written
 * @param droppedMessages media messages skipped for this connection (slow player)
 * @param srt             SRT transport statistics (RTT, loss, retransmissions, keys), {@code null} for RTMP
 */
public record ConnectionSnapshot(
        String id,
        Protocol protocol,
        String listenerId,
        String remoteAddress,
        Role role,
        State state,
        String streamKey,
        Duration uptime,
        long bytesIn,
        long bytesOut,
        long bitrateIn,
        long bitrateOut,
        long droppedMessages,
        SrtStats srt) {

    /** A connection without SRT statistics (RTMP). */
    public ConnectionSnapshot(String id, Protocol protocol, String listenerId, String remoteAddress, Role role,
                              State state, String streamKey, Duration uptime, long bytesIn, long bytesOut,
                              long bitrateIn, long bitrateOut, long droppedMessages) {
        this(id, protocol, listenerId, remoteAddress, role, state, streamKey, uptime, bytesIn, bytesOut, bitrateIn,
                bitrateOut, droppedMessages, null);
    }

    public enum Role { UNKNOWN, PUBLISHER, PLAYER }

    public enum State { HANDSHAKE, CONNECTED, PUBLISHING, PLAYING, CLOSED }
}
