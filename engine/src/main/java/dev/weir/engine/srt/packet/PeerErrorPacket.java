package dev.weir.engine.srt.packet;

import java.nio.ByteBuffer;

/**
 * Peer error (type 8): the peer hit an error (libsrt sends it for file-mode disk errors, code 4000). The error
 * code travels in the type-specific word. No CIF.
 */
public record PeerErrorPacket(int errorCode, int timestamp, int destinationSocketId) implements ControlPacket {

    @Override
    public int controlType() {
        return TYPE_PEERERROR;
    }

    @Override
    public int encodedLength() {
        return HEADER_SIZE + 4;
    }

    @Override
    public void encode(ByteBuffer out) {
        ControlPacket.writeHeader(out, TYPE_PEERERROR, 0, errorCode, timestamp, destinationSocketId);
        out.putInt(0);
    }

    static PeerErrorPacket decode(ByteBuffer in, int typeSpecific, int timestamp, int dest, int cifLength)
            throws MalformedPacketException {
        PacketCodec.requireEmptyCif("peer error", cifLength);
        return new PeerErrorPacket(typeSpecific, timestamp, dest);
    }
}
