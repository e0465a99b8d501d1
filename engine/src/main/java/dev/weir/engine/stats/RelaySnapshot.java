package dev.weir.engine.stats;

/**
 * One relay: a published stream pushed to a destination ({@code -relay-to}).
 *
 * @param streamKey   the stream relayed, {@code live/test}
 * @param destination where to, with credentials, tokens and passphrases replaced by {@code ***}
 * @param state       what it is doing now
 * @param bytesSent   media bytes written to the destination since the relay started (all connections)
 * @param bitrate     bits per second sent, over the last second or so
 * @param reconnects  connections made after the first one
 * @param lastError   why the last connection failed or ended, in operator words; {@code null} if none did
 */
public record RelaySnapshot(String streamKey, String destination, State state, long bytesSent, long bitrate,
                            long reconnects, String lastError) {

    public enum State {
        /** Opening the connection to the destination (TCP/TLS, RTMP handshake and publish, SRT handshake). */
        CONNECTING,
        /** Sending. */
        RUNNING,
        /** The last connection failed or ended; waiting before the next try (1 s doubling to 30 s). */
        BACKOFF,
        /** The stream's publisher left, or the engine closed. */
        STOPPED
    }
}
