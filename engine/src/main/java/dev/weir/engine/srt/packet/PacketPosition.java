package dev.weir.engine.srt.packet;

/**
 * The PP field of a data packet: where the packet sits in its message. Live mode sends every packet as
 * {@link #SOLO} (one packet per message).
 */
public enum PacketPosition {
    MIDDLE(0b00), LAST(0b01), FIRST(0b10), SOLO(0b11);

    /** {@code values()} copies its array on every call; decoding runs per packet. */
    private static final PacketPosition[] BY_BITS = values();

    private final int bits;

    PacketPosition(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }

    public static PacketPosition ofBits(int bits) {
        return BY_BITS[bits & 3]; // declared in bit order
    }
}
