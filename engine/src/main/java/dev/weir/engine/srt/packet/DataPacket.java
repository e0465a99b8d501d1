package dev.weir.engine.srt.packet;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A data packet. Header (libsrt 1.3+ layout, which the draft also documents):
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * |0|                    Packet Sequence Number                   |
 * |P P|O|K K|R|                  Message Number                   |
 * |                           Timestamp                           |
 * |                     Destination Socket ID                     |
 * |                            Payload ...                        |
 * </pre>
 *
 * PP = {@link PacketPosition}, O = deliver in order (message mode), KK = {@link KeyFlags} (encryption key used),
 * R = retransmitted. The payload array is owned by the record: callers must not change it after construction.
 */
public record DataPacket(int sequenceNumber, PacketPosition position, boolean inOrder, KeyFlags key,
                         boolean retransmitted, int messageNumber, int timestamp, int destinationSocketId,
                         byte[] payload) implements SrtPacket {

    public DataPacket {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        checkHeader(sequenceNumber, messageNumber, key);
    }

    /** The header rules every data packet keeps, here and in the reused {@link DataPacketHolder}. */
    static void checkHeader(int sequenceNumber, int messageNumber, KeyFlags key) {
        if (!SeqNo.isValid(sequenceNumber)) {
            throw new IllegalArgumentException("sequence number is 31-bit: " + sequenceNumber);
        }
        if (!MessageNo.isValid(messageNumber)) {
            throw new IllegalArgumentException("message number is 26-bit: " + messageNumber);
        }
        if (key == KeyFlags.BOTH) {
            throw new IllegalArgumentException("a data packet is encrypted with one key, not both");
        }
    }

    @Override
    public int encodedLength() {
        return HEADER_SIZE + payload.length;
    }

    @Override
    public void encode(ByteBuffer out) {
        writeHeader(out, sequenceNumber, position, inOrder, key, retransmitted, messageNumber, timestamp,
                destinationSocketId);
        out.put(payload);
    }

    /** The 16-byte data header; shared with {@link DataPacketHolder} so there is one encoding. */
    static void writeHeader(ByteBuffer out, int sequenceNumber, PacketPosition position, boolean inOrder, KeyFlags key,
                            boolean retransmitted, int messageNumber, int timestamp, int destinationSocketId) {
        out.putInt(sequenceNumber);
        out.putInt(position.bits() << 30 | (inOrder ? 1 << 29 : 0) | key.bits() << 27
                | (retransmitted ? 1 << 26 : 0) | messageNumber);
        out.putInt(timestamp);
        out.putInt(destinationSocketId);
    }

    /** Decodes a datagram whose first bit is 0; {@code in} spans exactly the datagram. */
    static DataPacket decode(ByteBuffer in) throws MalformedPacketException {
        int base = in.position();
        int length = in.remaining();
        MalformedPacketException.require(length >= HEADER_SIZE,
                "data packet of " + length + " bytes is shorter than its 16-byte header");
        int word0 = in.getInt(base);
        int word1 = in.getInt(base + 4);
        KeyFlags key = KeyFlags.ofBits(word1 >>> 27);
        MalformedPacketException.require(key != KeyFlags.BOTH, "data packet with both encryption keys flagged");
        byte[] payload = new byte[length - HEADER_SIZE];
        in.get(base + HEADER_SIZE, payload);
        return new DataPacket(word0 & SeqNo.MAX, PacketPosition.ofBits(word1 >>> 30), (word1 & 1 << 29) != 0, key,
                (word1 & 1 << 26) != 0, word1 & MessageNo.MAX, in.getInt(base + 8), in.getInt(base + 12), payload);
    }

    /** Same packet, flagged as a retransmission (what a sender does when it answers a NAK). */
    public DataPacket asRetransmission() {
        return new DataPacket(sequenceNumber, position, inOrder, key, true, messageNumber, timestamp,
                destinationSocketId, payload);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataPacket d && sequenceNumber == d.sequenceNumber && position == d.position
                && inOrder == d.inOrder && key == d.key && retransmitted == d.retransmitted
                && messageNumber == d.messageNumber && timestamp == d.timestamp
                && destinationSocketId == d.destinationSocketId && Arrays.equals(payload, d.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequenceNumber, messageNumber, timestamp, destinationSocketId) * 31
                + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "DataPacket[seq=" + sequenceNumber + ", msg=" + messageNumber + ", " + position
                + (inOrder ? ", in-order" : "") + (key != KeyFlags.NONE ? ", key=" + key : "")
                + (retransmitted ? ", retransmitted" : "") + ", ts=" + Integer.toUnsignedString(timestamp)
                + ", dest=0x" + Integer.toHexString(destinationSocketId) + ", " + payload.length + " bytes]";
    }
}
