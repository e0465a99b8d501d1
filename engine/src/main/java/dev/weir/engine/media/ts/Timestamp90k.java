package dev.weir.engine.media.ts;

/**
 * PTS, DTS and PCR base are 33-bit counts of a 90 kHz clock, so they wrap every 2^33 / 90000 s (about 26.5
 * hours). Weir keeps time as a signed 64-bit 90 kHz count that never wraps: {@link Unwrapper} places each new
 * 33-bit value on the 64-bit line at the position nearest the previous one, which is right as long as
 * consecutive timestamps are less than half a wrap (13 hours) apart.
 */
public final class Timestamp90k {
    public static final long WRAP = 1L << 33;
    public static final long MASK = WRAP - 1;
    /** Marker for "this PES header carried no timestamp". */
    public static final long NONE = Long.MIN_VALUE;

    private Timestamp90k() {
    }

    /** Reads the 5-byte PTS/DTS field at {@code p} (marker bits are not checked: encoders get them wrong). */
    public static long read(byte[] b, int p) {
        return ((long) ((b[p] >> 1) & 0x07) << 30) | ((long) (b[p + 1] & 0xFF) << 22)
                | ((long) ((b[p + 2] >> 1) & 0x7F) << 15) | ((long) (b[p + 3] & 0xFF) << 7)
                | ((b[p + 4] >> 1) & 0x7F);
    }

    /** Writes {@code value} (taken modulo 2^33) as a 5-byte PTS/DTS field with the 4-bit {@code prefix}. */
    public static void write(byte[] b, int p, int prefix, long value) {
        long v = value & MASK;
        b[p] = (byte) ((prefix << 4) | (int) ((v >> 29) & 0x0E) | 1);
        b[p + 1] = (byte) (v >> 22);
        b[p + 2] = (byte) (((v >> 14) & 0xFE) | 1);
        b[p + 3] = (byte) (v >> 7);
        b[p + 4] = (byte) (((v << 1) & 0xFE) | 1);
    }

    /** Turns a sequence of 33-bit values into a monotonic-when-the-input-is 64-bit line. Not thread-safe. */
    public static final class Unwrapper {
        private long last = NONE;

        public long unwrap(long value33) {
            long v = value33 & MASK;
            if (last == NONE) {
                last = v;
                return v;
            }
            long candidate = (last & ~MASK) | v;
            long delta = candidate - last;
            if (delta > WRAP / 2) {
                candidate -= WRAP;
            } else if (delta < -WRAP / 2) {
                candidate += WRAP;
            }
            last = candidate;
            return candidate;
        }
    }
}
