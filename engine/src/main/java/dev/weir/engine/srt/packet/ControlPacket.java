package dev.weir.engine.srt.packet;

import java.nio.ByteBuffer;

/**
 * Control packets. The header's first word is {@code 1 | type (15 bits) | subtype (16 bits)}, the second is
 * "type-specific information" (ACK number, message number, error code...), followed by timestamp, destination
 * socket id and the type's Control Information Field (CIF).
 */
public sealed interface ControlPacket extends SrtPacket
        permits HandshakePacket, KeepAlivePacket, AckPacket, NakPacket, CongestionWarningPacket, ShutdownPacket,
        AckAckPacket, DropRequestPacket, PeerErrorPacket, UserDefinedPacket, UnknownControlPacket {

    int TYPE_HANDSHAKE = 0x0000;
    int TYPE_KEEPALIVE = 0x0001;
    int TYPE_ACK = 0x0002;
    int TYPE_NAK = 0x0003;
    int TYPE_CONGESTION_WARNING = 0x0004;
    int TYPE_SHUTDOWN = 0x0005;
    int TYPE_ACKACK = 0x0006;
    int TYPE_DROPREQ = 0x0007;
    int TYPE_PEERERROR = 0x0008;
    /** libsrt's UMSG_EXT: SRT extension messages (in-band KMREQ/KMRSP, HSv4 HSREQ/HSRSP) carry a subtype. */
    int TYPE_USER_DEFINED = 0x7FFF;

    /** The 15-bit control type. */
    int controlType();

    /** Writes the 16-byte control header. */
    static void writeHeader(ByteBuffer out, int type, int subtype, int typeSpecific, int timestamp, int dest) {
        out.putInt(0x8000_0000 | (type & 0x7FFF) << 16 | (subtype & 0xFFFF));
        out.putInt(typeSpecific);
        out.putInt(timestamp);
        out.putInt(dest);
    }
}
