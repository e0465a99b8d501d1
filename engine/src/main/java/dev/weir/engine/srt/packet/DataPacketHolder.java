package dev.weir.engine.srt.packet;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A data packet in a reusable, mutable holder: the fields of {@link DataPacket} plus a payload array that the holder
 * owns and reuses (its length is the capacity; {@link #payloadLength()} says how much is payload). The steady-state
 * data path decodes every datagram into one holder, encrypts and decrypts in place, and keeps packets in pools of
 * holders, so that a packet costs no allocation; the {@link DataPacket} record stays the value for tests, captures
 * and everything that is not per packet.
 *
 * <p>Same wire format and the same checks as {@link DataPacket} (one header encoder serves both). Not thread-safe.
 */
public final class DataPacketHolder {

    private int sequenceNumber;
    private PacketPosition position = PacketPosition.SOLO;
    private boolean inOrder;
    private KeyFlags key = KeyFlags.NONE;
    private boolean retransmitted;
    private int messageNumber;
    private int timestamp;
    private int destinationSocketId;
    private byte[] payload;
    private int payloadLength;

    /** An empty holder whose payload array starts at {@code payloadCapacity} bytes (it grows if ever needed). */
    public DataPacketHolder(int payloadCapacity) {
        this.payload = new byte[payloadCapacity];
    }

    /** Whether the datagram between position and limit is a data packet (first bit 0); it may still be malformed. */
    public static boolean isData(ByteBuffer datagram) {
        return datagram.remaining() >= 1 && datagram.get(datagram.position()) >= 0;
    }

    /**
     * Decodes the data packet between the buffer's position and limit into this holder (the payload is copied; the
     * buffer's position is not changed). On failure the holder's content is unspecified.
     */
    public void decode(ByteBuffer datagram) throws MalformedPacketException {
        int base = datagram.position();
        int length = datagram.remaining();
        // Checks with plain ifs: require(condition, message) would build its message string for every packet.
        if (length < SrtPacket.HEADER_SIZE) {
            throw new MalformedPacketException("data packet of " + length
                    + " bytes is shorter than its 16-byte header");
        }
        int word0 = datagram.getInt(base);
        if (word0 < 0) {
            throw new MalformedPacketException("not a data packet (control bit set)");
        }
        int word1 = datagram.getInt(base + 4);
        KeyFlags flags = KeyFlags.ofBits(word1 >>> 27);
        if (flags == KeyFlags.BOTH) {
            throw new MalformedPacketException("data packet with both encryption keys flagged");
        }
        sequenceNumber = word0 & SeqNo.MAX;
        position = PacketPosition.ofBits(word1 >>> 30);
        inOrder = (word1 & 1 << 29) != 0;
        key = flags;
        retransmitted = (word1 & 1 << 26) != 0;
        messageNumber = word1 & MessageNo.MAX;
        timestamp = datagram.getInt(base + 8);
        destinationSocketId = datagram.getInt(base + 12);
        int n = length - SrtPacket.HEADER_SIZE;
        ensureCapacity(n);
        datagram.get(base + SrtPacket.HEADER_SIZE, payload, 0, n);
        payloadLength = n;
    }

    /** Sets every header field, with {@link DataPacket}'s checks. */
    public void setHeader(int sequenceNumber, PacketPosition position, boolean inOrder, KeyFlags key,
                          boolean retransmitted, int messageNumber, int timestamp, int destinationSocketId) {
        DataPacket.checkHeader(sequenceNumber, messageNumber, key);
        this.sequenceNumber = sequenceNumber;
        this.position = position;
        this.inOrder = inOrder;
        this.key = key;
        this.retransmitted = retransmitted;
        this.messageNumber = messageNumber;
        this.timestamp = timestamp;
        this.destinationSocketId = destinationSocketId;
    }

    /** Copies {@code length} bytes of {@code source} from {@code offset} in as the payload. */
    public void setPayload(byte[] source, int offset, int length) {
        ensureCapacity(length);
        System.arraycopy(source, offset, payload, 0, length);
        payloadLength = length;
    }

    public void setRetransmitted(boolean retransmitted) {
        this.retransmitted = retransmitted;
    }

    /** Makes this holder a copy of {@code other} (header and payload bytes). */
    public void copyFrom(DataPacketHolder other) {
        setHeader(other.sequenceNumber, other.position, other.inOrder, other.key, other.retransmitted,
                other.messageNumber, other.timestamp, other.destinationSocketId);
        setPayload(other.payload, 0, other.payloadLength);
    }

    /** Makes this holder a copy of a record. */
    public void copyFrom(DataPacket p) {
        setHeader(p.sequenceNumber(), p.position(), p.inOrder(), p.key(), p.retransmitted(), p.messageNumber(),
                p.timestamp(), p.destinationSocketId());
        setPayload(p.payload(), 0, p.payload().length);
    }

    /** The packet as an immutable record (allocates: for tests and for paths that are not per packet). */
    public DataPacket toRecord() {
        return new DataPacket(sequenceNumber, position, inOrder, key, retransmitted, messageNumber, timestamp,
                destinationSocketId, Arrays.copyOf(payload, payloadLength));
    }

    public int encodedLength() {
        return SrtPacket.HEADER_SIZE + payloadLength;
    }

    /** Writes the whole datagram at the buffer's position and advances it. */
    public void encode(ByteBuffer out) {
        DataPacket.writeHeader(out, sequenceNumber, position, inOrder, key, retransmitted, messageNumber, timestamp,
                destinationSocketId);
        out.put(payload, 0, payloadLength);
    }

    private void ensureCapacity(int length) {
        if (payload.length < length) {
            payload = new byte[length];
        }
    }

    public int sequenceNumber() {
        return sequenceNumber;
    }

    public PacketPosition position() {
        return position;
    }

    public boolean inOrder() {
        return inOrder;
    }

    public KeyFlags key() {
        return key;
    }

    public boolean retransmitted() {
        return retransmitted;
    }

    public int messageNumber() {
        return messageNumber;
    }

    public int timestamp() {
        return timestamp;
    }

    public int destinationSocketId() {
        return destinationSocketId;
    }

    /** The payload array; only the first {@link #payloadLength()} bytes are the payload. Owned by the holder. */
    public byte[] payload() {
        return payload;
    }

    public int payloadLength() {
        return payloadLength;
    }

    @Override
    public String toString() {
        return "DataPacketHolder[seq=" + sequenceNumber + ", msg=" + messageNumber + ", " + payloadLength + " bytes]";
    }
}
