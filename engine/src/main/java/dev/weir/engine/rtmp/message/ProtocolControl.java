package dev.weir.engine.rtmp.message;

import dev.weir.engine.rtmp.chunk.RtmpMessage;

/**
 * Protocol control messages (RTMP specification 5.4), types 1, 2, 3, 5 and 6. They travel on message stream 0,
 * chunk stream 2, and carry big-endian 32-bit fields.
 */
public sealed interface ProtocolControl {

    int typeId();

    byte[] body();

    /** The message to send, on chunk stream 2, message stream 0, timestamp 0. */
    default RtmpMessage toMessage() {
        return new RtmpMessage(MessageTypes.CSID_CONTROL, typeId(), 0, 0, body());
    }

    /** Type 1: the sender's chunk size from now on (bit 31 must be zero). */
    record SetChunkSize(int size) implements ProtocolControl {
        public int typeId() { return MessageTypes.SET_CHUNK_SIZE; }
        public byte[] body() { return be32(size & 0x7FFFFFFFL); }
    }

    /** Type 2: drop the partly received message on a chunk stream. */
    record Abort(int chunkStreamId) implements ProtocolControl {
        public int typeId() { return MessageTypes.ABORT; }
        public byte[] body() { return be32(chunkStreamId); }
    }

    /** Type 3: bytes received so far (mod 2^32), sent each time a window's worth has arrived. */
    record Acknowledgement(long sequenceNumber) implements ProtocolControl {
        public int typeId() { return MessageTypes.ACKNOWLEDGEMENT; }
        public byte[] body() { return be32(sequenceNumber); }
    }

    /** Type 5: how many bytes the sender may receive before it expects an acknowledgement. */
    record WindowAckSize(long size) implements ProtocolControl {
        public int typeId() { return MessageTypes.WINDOW_ACK_SIZE; }
        public byte[] body() { return be32(size); }
    }

    /** Type 6: limit the peer's output window; limit type 0 hard, 1 soft, 2 dynamic. */
    record SetPeerBandwidth(long size, int limitType) implements ProtocolControl {
        public static final int HARD = 0;
        public static final int SOFT = 1;
        public static final int DYNAMIC = 2;

        public int typeId() { return MessageTypes.SET_PEER_BANDWIDTH; }

        public byte[] body() {
            byte[] b = new byte[5];
            System.arraycopy(be32(size), 0, b, 0, 4);
            b[4] = (byte) limitType;
            return b;
        }
    }

    /**
     * Decodes a protocol control message.
     *
     * @throws IllegalArgumentException when the type is not a protocol control type or the body is too short
     */
    static ProtocolControl decode(int typeId, byte[] body) {
        int need = typeId == MessageTypes.SET_PEER_BANDWIDTH ? 5 : 4;
        if (body.length < need) {
            throw new IllegalArgumentException("protocol control message type " + typeId + " has " + body.length
                    + " bytes, needs " + need);
        }
        long value = ((long) (body[0] & 0xFF) << 24) | ((body[1] & 0xFF) << 16) | ((body[2] & 0xFF) << 8) | (body[3] & 0xFF);
        return switch (typeId) {
            case MessageTypes.SET_CHUNK_SIZE -> new SetChunkSize((int) (value & 0x7FFFFFFF));
            case MessageTypes.ABORT -> new Abort((int) value);
            case MessageTypes.ACKNOWLEDGEMENT -> new Acknowledgement(value);
            case MessageTypes.WINDOW_ACK_SIZE -> new WindowAckSize(value);
            case MessageTypes.SET_PEER_BANDWIDTH -> new SetPeerBandwidth(value, body[4] & 0xFF);
            default -> throw new IllegalArgumentException("message type " + typeId + " is not a protocol control message");
        };
    }

    private static byte[] be32(long v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
