package dev.weir.engine.hub;

/**
 * One audio, video or data message as it moves through the hub. The body is in RTMP/FLV tag-body form
 * (the FLV tag header is not included). Immutable by contract: the hub hands the same instance to every
 * player, so a body is never modified or copied per player.
 *
 * @param kind      audio, video or data (script) message
 * @param timestamp milliseconds, already unwrapped to 64 bits by whoever produced it
 * @param body      the message payload; callers must not change it after construction
 */
public record MediaMessage(Kind kind, long timestamp, byte[] body) {

    public enum Kind { AUDIO, VIDEO, DATA }

    /** Size of the body in bytes. */
    public int size() {
        return body.length;
    }
}
