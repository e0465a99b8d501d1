package dev.weir.engine.srt.packet;

/**
 * SRT message numbers: 26-bit values on a circle (the low bits of a data packet's second word).
 *
 * <p>libsrt starts counting at 1 and, on wrap, goes from {@code 0x03FFFFFF} back to 1: message number 0 is
 * reserved to mean "no message" (e.g. in a drop request for packets with unknown message). We follow that.
 */
public final class MessageNo {

    public static final int MAX = 0x03FF_FFFF;
    private static final int HALF = 0x0200_0000;

    private MessageNo() {
    }

    public static boolean isValid(int value) {
        return (value & ~MAX) == 0;
    }

    /** The message number after {@code msgNo}, skipping the reserved 0. */
    public static int next(int msgNo) {
        int n = (msgNo + 1) & MAX;
        return n == 0 ? 1 : n;
    }

    /** Signed shortest distance from {@code from} to {@code to} on the 26-bit circle. */
    public static int offset(int from, int to) {
        int d = (to - from) & MAX;
        return d > HALF ? d - (MAX + 1) : d;
    }
}
