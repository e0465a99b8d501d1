package dev.weir.engine.rtmp.chunk;

/**
 * RTMP timestamps are 32-bit milliseconds on the wire (24 bits plus an extended field), so they wrap every
 * 2^32 ms (49.7 days); the 24-bit field alone saturates at 0xFFFFFF (4 h 39 min), after which the extended
 * field carries the value. Inside Weir a timestamp is a 64-bit count that keeps growing; these helpers map
 * between the two. Wrapping is decided by the shortest distance: a 32-bit value is taken to be the 64-bit
 * value nearest to the previous one.
 */
public final class Timestamps {
    private Timestamps() {}

    static final long MODULUS = 1L << 32;
    private static final long HALF = 1L << 31;

    /**
     * The 64-bit timestamp whose low 32 bits are {@code wire} and which lies within 2^31 of {@code previous}
     * (never negative).
     */
    public static long unwrap(long previous, long wire) {
        long low = wire & 0xFFFFFFFFL;
        long candidate = (previous & ~0xFFFFFFFFL) | low;
        if (candidate < previous - HALF) {
            candidate += MODULUS;
        } else if (candidate > previous + HALF && candidate >= MODULUS) {
            candidate -= MODULUS;
        }
        return candidate;
    }

    /** A 32-bit wire delta as a signed step: encoders write small negative steps as two's complement. */
    public static long signedDelta(long wireDelta) {
        return (int) wireDelta;
    }

    /** The low 32 bits that go on the wire. */
    public static long toWire(long timestamp) {
        return timestamp & 0xFFFFFFFFL;
    }
}
