package dev.weir.engine.auth;

import dev.weir.engine.stats.Protocol;

import java.util.Objects;

/**
 * One publish or play request, as the protocol session knows it when the peer names its stream.
 *
 * @param action        publish or play
 * @param protocol      RTMP, RTMPS or SRT
 * @param streamKey     {@code app/name}, with any {@code ?query} already removed (see {@link RtmpStreamName},
 *                      {@link SrtStreamId})
 * @param token         the token the peer offered, {@code null} when it offered none. Never logged.
 * @param remoteAddress {@code host:port} of the peer
 * @param connectionId  the connection's id, as in {@code ConnectionSnapshot.id}
 */
public record AccessRequest(
        AccessAction action,
        Protocol protocol,
        String streamKey,
        String token,
        String remoteAddress,
        String connectionId) {

    public AccessRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(streamKey, "streamKey");
        if (token != null && token.isEmpty()) token = null;
    }

    /** Shown in logs: everything except the token. */
    @Override
    public String toString() {
        return "AccessRequest[" + action.wireName() + " " + streamKey + " over " + protocol
                + " from " + remoteAddress + " (" + connectionId + "), token " + (token == null ? "absent" : "given") + "]";
    }
}
