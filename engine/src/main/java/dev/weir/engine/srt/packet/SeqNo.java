package dev.weir.engine.srt.packet;

/**
 * SRT packet sequence numbers: 31-bit values on a circle.
 *
 * <p>A sequence number is carried in the low 31 bits of a data packet's first word (the top bit says "data",
 * not "control"). After {@code 0x7FFFFFFF} comes {@code 0}. Two numbers are compared by their shortest distance on
 * that circle, so {@code 5} is "after" {@code 0x7FFFFFF0}: the signed {@link #offset} from a to b is the number of
 * steps forward (positive) or backward (negative) from a to b, always within (-2^30, 2^30]. That only works while
 * the two numbers compared are less than a quarter of the circle (2^29) apart in practice, which every SRT buffer
 * guarantees (libsrt uses the same threshold, {@code CSeqNo::m_iSeqNoTH = 0x3FFFFFFF}).
 *
 * <p>All methods work on plain {@code int}s (no boxing in the data path) and mask their results to 31 bits.
 */
public final class SeqNo {

    /** The largest sequence number; its successor is 0. */
    public static final int MAX = 0x7FFF_FFFF;
    /** Half the circle: offsets larger than this in absolute value wrap the other way. */
    private static final int HALF = 0x4000_0000;

    private SeqNo() {
    }

    /** Whether {@code value} fits in 31 bits (is a valid sequence number). */
    public static boolean isValid(int value) {
        return (value & ~MAX) == 0;
    }

    /** The number after {@code seq}. */
    public static int next(int seq) {
        return (seq + 1) & MAX;
    }

    /** The number before {@code seq}. */
    public static int previous(int seq) {
        return (seq - 1) & MAX;
    }

    /** {@code seq} moved by {@code delta} steps (negative goes backwards). */
    public static int add(int seq, int delta) {
        return (seq + delta) & MAX;
    }

    /**
     * Signed steps from {@code from} to {@code to}, the shortest way round: {@code add(from, offset(from, to)) == to}.
     * Positive when {@code to} is after {@code from}.
     */
    public static int offset(int from, int to) {
        int d = (to - from) & MAX;
        return d > HALF ? d - (MAX + 1) : d;
    }

    /** Compares like {@link Integer#compare} but across the wrap: negative when {@code a} comes before {@code b}. */
    public static int compare(int a, int b) {
        return Integer.signum(offset(b, a));
    }

    /** Whether {@code a} comes strictly before {@code b}. */
    public static boolean before(int a, int b) {
        return offset(a, b) > 0;
    }

    /** Whether {@code a} comes strictly after {@code b}. */
    public static boolean after(int a, int b) {
        return offset(b, a) > 0;
    }

    /** The later of two numbers on the circle. */
    public static int max(int a, int b) {
        return after(a, b) ? a : b;
    }

    /** Number of sequence numbers in the inclusive range {@code first..last} (1 when equal). */
    public static int length(int first, int last) {
        return offset(first, last) + 1;
    }

    /** Whether {@code seq} lies in the inclusive range {@code first..last} (going forward from first). */
    public static boolean inRange(int seq, int first, int last) {
        int span = (last - first) & MAX;
        int at = (seq - first) & MAX;
        return at <= span;
    }

    /** Sequence numbers are shown in decimal, as libsrt logs them. */
    public static String toString(int seq) {
        return Integer.toString(seq);
    }
}
