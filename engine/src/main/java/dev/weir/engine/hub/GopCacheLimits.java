package dev.weir.engine.hub;

/**
 * Bounds of the late-join cache each stream keeps: the messages since the last keyframe. A GOP that grows past
 * either bound is dropped, and late joiners get only metadata and sequence headers until the next keyframe.
 *
 * @param maxBytes    body bytes of cached messages
 * @param maxMessages cached audio and video messages
 */
public record GopCacheLimits(long maxBytes, int maxMessages) {
    /** 8 MiB or 3000 messages: several seconds of a 10 Mbit/s stream at 60 fps with audio. */
    public static final GopCacheLimits DEFAULTS = new GopCacheLimits(8L * 1024 * 1024, 3000);

    public GopCacheLimits {
        if (maxBytes < 0 || maxMessages < 0) {
            throw new IllegalArgumentException("GOP cache limits must not be negative: " + maxBytes + " bytes, " + maxMessages + " messages");
        }
    }
}
