package dev.weir.engine.srt.packet;

/**
 * The 2-bit KK field: which stream encryption key (SEK) a data packet was encrypted with, or which keys a key
 * material message carries. {@link #BOTH} is valid only in key material messages.
 */
public enum KeyFlags {
    NONE(0b00), EVEN(0b01), ODD(0b10), BOTH(0b11);

    /** {@code values()} copies its array on every call; decoding runs per packet. */
    private static final KeyFlags[] BY_BITS = values();

    private final int bits;

    KeyFlags(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }

    public static KeyFlags ofBits(int bits) {
        return BY_BITS[bits & 3];
    }
}
