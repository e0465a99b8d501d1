package dev.weir.engine.srt.packet;

import java.nio.ByteBuffer;

/** Shutdown (type 5): the peer closed the connection. libsrt appends a 4-byte zero CIF; we do the same. */
public record ShutdownPacket(int timestamp, int destinationSocketId) implements ControlPacket {

    @Override
    public int controlType() {
        return TYPE_SHUTDOWN;
    }

    @Override
    public int encodedLength() {
        return HEADER_SIZE + 4;
    }

    @Override
    public void encode(ByteBuffer out) {
        ControlPacket.writeHeader(out, TYPE_SHUTDOWN, 0, 0, timestamp, destinationSocketId);
        out.putInt(0);
    }

    static ShutdownPacket decode(ByteBuffer in, int timestamp, int dest, int cifLength)
            throws MalformedPacketException {
        PacketCodec.requireEmptyCif("shutdown", cifLength);
        return new ShutdownPacket(timestamp, dest);
    }
}
