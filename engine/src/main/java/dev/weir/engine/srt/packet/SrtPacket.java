package dev.weir.engine.srt.packet;

import java.nio.ByteBuffer;

/**
 * One SRT datagram: a {@link DataPacket} or one of the {@link ControlPacket} kinds. Every packet shares a 16-byte
 * header whose first bit tells data (0) from control (1), whose third word is the sender's timestamp (µs since
 * its connection start, wrapping at 32 bits) and whose fourth word is the destination socket id.
 *
 * <p>Each kind is a record with its own {@code encode}/{@code decode} next to it; {@link PacketCodec} dispatches
 * on the header. Encoding writes into a caller's buffer (no allocation) in network byte order.
 */
public sealed interface SrtPacket permits DataPacket, ControlPacket {

    /** Size of the header common to every packet. */
    int HEADER_SIZE = 16;

    int timestamp();

    int destinationSocketId();

    /** Bytes {@link #encode} writes. */
    int encodedLength();

    /** Writes the whole datagram at the buffer's position and advances it. */
    void encode(ByteBuffer out);

    /** The whole datagram as a new array (tests, handshakes; the data path should use {@link #encode}). */
    default byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(encodedLength());
        encode(out);
        return out.array();
    }
}
