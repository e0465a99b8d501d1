package dev.weir.engine.srt.packet;

import java.nio.ByteBuffer;

/**
 * ACKACK (type 6): acknowledges a full ACK by echoing its ACK number (type-specific word), so the receiver can
 * measure the round-trip time. libsrt appends a 4-byte zero CIF; we do the same.
 */
public record AckAckPacket(int ackNumber, int timestamp, int destinationSocketId) implements ControlPacket {

    @Override
    public int controlType() {
        return TYPE_ACKACK;
    }

    @Override
    public int encodedLength() {
        return HEADER_SIZE + 4;
    }

    @Override
    public void encode(ByteBuffer out) {
        ControlPacket.writeHeader(out, TYPE_ACKACK, 0, ackNumber, timestamp, destinationSocketId);
        out.putInt(0);
    }

    static AckAckPacket decode(ByteBuffer in, int typeSpecific, int timestamp, int dest, int cifLength)
            throws MalformedPacketException {
        PacketCodec.requireEmptyCif("ACKACK", cifLength);
        return new AckAckPacket(typeSpecific, timestamp, dest);
    }
}
