package dev.weir.engine.srt.packet;

import java.nio.ByteBuffer;

/**
 * Decodes one UDP datagram into its {@link SrtPacket} record, dispatching on the header's first bit and control
 * type. Strict about sizes (every kind documents what it accepts); the only exception it throws is
 * {@link MalformedPacketException}. Unknown control types decode to {@link UnknownControlPacket}.
 */
public final class PacketCodec {

    private PacketCodec() {
    }

    /** Decodes {@code length} bytes of {@code datagram} starting at {@code offset}. */
    public static SrtPacket decode(byte[] datagram, int offset, int length) throws MalformedPacketException {
        if (offset < 0 || length < 0 || offset > datagram.length - length) {
            throw new MalformedPacketException("datagram bounds " + offset + "+" + length + " outside its buffer");
        }
        return decode(ByteBuffer.wrap(datagram, offset, length).slice());
    }

    /**
     * Decodes the bytes between the buffer's position and limit (one whole datagram). The buffer's position is not
     * changed.
     */
    public static SrtPacket decode(ByteBuffer datagram) throws MalformedPacketException {
        ByteBuffer in = datagram.slice();  // big-endian, position 0 = start of datagram
        int length = in.remaining();
        if (length < SrtPacket.HEADER_SIZE) { // not require(): its message would be built for every datagram
            throw new MalformedPacketException("datagram of " + length
                    + " bytes is shorter than the 16-byte SRT header");
        }
        int word0 = in.getInt(0);
        if (word0 >= 0) {
            return DataPacket.decode(in);
        }
        int type = (word0 >>> 16) & 0x7FFF;
        int subtype = word0 & 0xFFFF;
        int typeSpecific = in.getInt(4);
        int timestamp = in.getInt(8);
        int dest = in.getInt(12);
        int cif = length - SrtPacket.HEADER_SIZE;
        return switch (type) {
            case ControlPacket.TYPE_HANDSHAKE -> HandshakePacket.decode(in, timestamp, dest, cif);
            case ControlPacket.TYPE_KEEPALIVE -> KeepAlivePacket.decode(in, timestamp, dest, cif);
            case ControlPacket.TYPE_ACK -> AckPacket.decode(in, typeSpecific, timestamp, dest, cif);
            case ControlPacket.TYPE_NAK -> NakPacket.decode(in, timestamp, dest, cif);
            case ControlPacket.TYPE_CONGESTION_WARNING -> CongestionWarningPacket.decode(in, timestamp, dest, cif);
            case ControlPacket.TYPE_SHUTDOWN -> ShutdownPacket.decode(in, timestamp, dest, cif);
            case ControlPacket.TYPE_ACKACK -> AckAckPacket.decode(in, typeSpecific, timestamp, dest, cif);
            case ControlPacket.TYPE_DROPREQ -> DropRequestPacket.decode(in, typeSpecific, timestamp, dest, cif);
            case ControlPacket.TYPE_PEERERROR -> PeerErrorPacket.decode(in, typeSpecific, timestamp, dest, cif);
            case ControlPacket.TYPE_USER_DEFINED ->
                    UserDefinedPacket.decode(in, subtype, typeSpecific, timestamp, dest, cif);
            default -> UnknownControlPacket.decode(in, type, subtype, typeSpecific, timestamp, dest, cif);
        };
    }

    /** Control types without content: libsrt sends a 4-byte zero word, others send nothing; both are accepted. */
    static void requireEmptyCif(String kind, int cifLength) throws MalformedPacketException {
        MalformedPacketException.require(cifLength == 0 || cifLength == 4,
                kind + " CIF must be empty or one padding word, got " + cifLength + " bytes");
    }

    static SeqRange range(int first, int last, String kind) throws MalformedPacketException {
        MalformedPacketException.require(SeqNo.isValid(first) && SeqNo.isValid(last),
                kind + " sequence number has its top bit set");
        MalformedPacketException.require(SeqNo.offset(first, last) >= 0,
                kind + " range " + first + ".." + last + " goes backwards");
        return new SeqRange(first, last);
    }
}
