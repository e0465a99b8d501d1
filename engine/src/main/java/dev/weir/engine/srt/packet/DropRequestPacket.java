package dev.weir.engine.srt.packet;

import java.nio.ByteBuffer;

/**
 * Drop request (type 7): the sender gave up on a message (too late or dropped from its buffer); the receiver
 * must stop waiting for {@code first..last}. The message number travels in the type-specific word (0 when
 * unknown), the CIF is exactly two sequence numbers.
 */
public record DropRequestPacket(int messageNumber, SeqRange range, int timestamp, int destinationSocketId)
        implements ControlPacket {

    private static final int CIF_SIZE = 8;

    @Override
    public int controlType() {
        return TYPE_DROPREQ;
    }

    @Override
    public int encodedLength() {
        return HEADER_SIZE + CIF_SIZE;
    }

    @Override
    public void encode(ByteBuffer out) {
        ControlPacket.writeHeader(out, TYPE_DROPREQ, 0, messageNumber, timestamp, destinationSocketId);
        out.putInt(range.first());
        out.putInt(range.last());
    }

    static DropRequestPacket decode(ByteBuffer in, int typeSpecific, int timestamp, int dest, int cifLength)
            throws MalformedPacketException {
        MalformedPacketException.require(cifLength == CIF_SIZE,
                "drop request CIF must be 8 bytes, got " + cifLength);
        int base = in.position() + HEADER_SIZE;
        int first = in.getInt(base);
        int last = in.getInt(base + 4);
        return new DropRequestPacket(typeSpecific, PacketCodec.range(first, last, "drop request"), timestamp, dest);
    }
}
