package dev.weir.engine.srt.packet;

/**
 * SRT packet timestamps: microseconds since the connection started, carried as an unsigned 32-bit value that
 * wraps roughly every 71.6 minutes ({@code 2^32} µs).
 *
 * <p>Receivers keep a 64-bit time line: each timestamp is unwrapped against the previous one, assuming two
 * consecutive timestamps are less than half the wrap period (about 35 minutes) apart. libsrt does the same with
 * its "TSBPD wrap check" window; we use the simpler nearest-neighbour rule, which agrees with it for any packet
 * within that half period.
 */
public final class Timestamps {

    /** Number of distinct timestamp values: 2^32 µs. */
    public static final long PERIOD = 1L << 32;
    private static final long HALF = 1L << 31;

    private Timestamps() {
    }

    /** The wire value of a 64-bit microsecond time (its low 32 bits). */
    public static int toWire(long micros) {
        return (int) micros;
    }

    /** The wire value read as an unsigned number of microseconds, 0..2^32-1. */
    public static long unsigned(int wire) {
        return wire & 0xFFFF_FFFFL;
    }

    /** Signed microseconds from {@code from} to {@code to}, the shortest way round the 32-bit circle. */
    public static long offset(int from, int to) {
        return (long) (to - from);
    }

    /**
     * The 64-bit time whose low 32 bits are {@code wire} and which is nearest to {@code reference} (a previously
     * unwrapped time). Use this to extend wire timestamps onto a monotonic time line.
     */
    public static long unwrap(int wire, long reference) {
        long candidate = (reference & ~0xFFFF_FFFFL) | unsigned(wire);
        long d = candidate - reference;
        if (d > HALF) {
            candidate -= PERIOD;
        } else if (d < -HALF) {
            candidate += PERIOD;
        }
        return candidate;
    }
}
