package dev.weir.engine.srt.packet;

import java.nio.ByteBuffer;

/** Keep-alive (type 1): sent after a second of silence. libsrt appends a 4-byte zero CIF; we do the same. */
public record KeepAlivePacket(int timestamp, int destinationSocketId) implements ControlPacket {

    @Override
    public int controlType() {
        return TYPE_KEEPALIVE;
    }

    @Override
    public int encodedLength() {
        return HEADER_SIZE + 4;
    }

    @Override
    public void encode(ByteBuffer out) {
        ControlPacket.writeHeader(out, TYPE_KEEPALIVE, 0, 0, timestamp, destinationSocketId);
        out.putInt(0);
    }

    static KeepAlivePacket decode(ByteBuffer in, int timestamp, int dest, int cifLength)
            throws MalformedPacketException {
        PacketCodec.requireEmptyCif("keep-alive", cifLength);
        return new KeepAlivePacket(timestamp, dest);
    }
}
