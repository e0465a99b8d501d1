package dev.weir.engine.srt.packet;

import java.nio.ByteBuffer;

/** Congestion warning (type 4), a UDT leftover libsrt still parses but live mode never sends. No CIF. */
public record CongestionWarningPacket(int timestamp, int destinationSocketId) implements ControlPacket {

    @Override
    public int controlType() {
        return TYPE_CONGESTION_WARNING;
    }

    @Override
    public int encodedLength() {
        return HEADER_SIZE + 4;
    }

    @Override
    public void encode(ByteBuffer out) {
        ControlPacket.writeHeader(out, TYPE_CONGESTION_WARNING, 0, 0, timestamp, destinationSocketId);
        out.putInt(0);
    }

    static CongestionWarningPacket decode(ByteBuffer in, int timestamp, int dest, int cifLength)
            throws MalformedPacketException {
        PacketCodec.requireEmptyCif("congestion warning", cifLength);
        return new CongestionWarningPacket(timestamp, dest);
    }
}
