package dev.weir.engine.rtmp.message;

import dev.weir.engine.rtmp.chunk.RtmpMessage;

import java.util.Arrays;

/**
 * User control messages (RTMP specification 6.2 and 7.1.7): message type 4, a 16-bit event type and
 * event data, on message stream 0 and chunk stream 2.
 */
public sealed interface UserControl {
    int STREAM_BEGIN = 0;
    int STREAM_EOF = 1;
    int STREAM_DRY = 2;
    int SET_BUFFER_LENGTH = 3;
    int STREAM_IS_RECORDED = 4;
    int PING_REQUEST = 6;
    int PING_RESPONSE = 7;

    int eventType();

    byte[] eventData();

    default RtmpMessage toMessage() {
        byte[] data = eventData();
        byte[] body = new byte[2 + data.length];
        body[0] = (byte) (eventType() >>> 8);
        body[1] = (byte) eventType();
        System.arraycopy(data, 0, body, 2, data.length);
        return new RtmpMessage(MessageTypes.CSID_CONTROL, MessageTypes.USER_CONTROL, 0, 0, body);
    }

    /** The stream is ready: media for it follows. */
    record StreamBegin(int streamId) implements UserControl {
        public int eventType() { return STREAM_BEGIN; }
        public byte[] eventData() { return be32(streamId); }
    }

    /** Playback of the stream ended (sent when the publisher leaves). */
    record StreamEof(int streamId) implements UserControl {
        public int eventType() { return STREAM_EOF; }
        public byte[] eventData() { return be32(streamId); }
    }

    /** The stream has no more data for now. */
    record StreamDry(int streamId) implements UserControl {
        public int eventType() { return STREAM_DRY; }
        public byte[] eventData() { return be32(streamId); }
    }

    /** The client's buffer length in milliseconds (sent by players before or after play). */
    record SetBufferLength(int streamId, long bufferMillis) implements UserControl {
        public int eventType() { return SET_BUFFER_LENGTH; }

        public byte[] eventData() {
            byte[] b = new byte[8];
            System.arraycopy(be32(streamId), 0, b, 0, 4);
            System.arraycopy(be32(bufferMillis), 0, b, 4, 4);
            return b;
        }
    }

    record StreamIsRecorded(int streamId) implements UserControl {
        public int eventType() { return STREAM_IS_RECORDED; }
        public byte[] eventData() { return be32(streamId); }
    }

    /** The server asks the client to echo a timestamp. */
    record PingRequest(long timestamp) implements UserControl {
        public int eventType() { return PING_REQUEST; }
        public byte[] eventData() { return be32(timestamp); }
    }

    /** The echo of a ping request's timestamp. */
    record PingResponse(long timestamp) implements UserControl {
        public int eventType() { return PING_RESPONSE; }
        public byte[] eventData() { return be32(timestamp); }
    }

    /** An event Weir has no use for (buffer empty/ready from some clients, ...): kept, never acted on. */
    record Other(int eventType, byte[] eventData) implements UserControl {
        public Other {
            eventData = eventData.clone();
        }

        @Override
        public byte[] eventData() {
            return eventData.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Other other && other.eventType == eventType && Arrays.equals(other.eventData, eventData);
        }

        @Override
        public int hashCode() {
            return 31 * eventType + Arrays.hashCode(eventData);
        }
    }

    /** @throws IllegalArgumentException when the body is too short for its event */
    static UserControl decode(byte[] body) {
        if (body.length < 2) {
            throw new IllegalArgumentException("user control message has " + body.length + " bytes, needs at least 2");
        }
        int type = ((body[0] & 0xFF) << 8) | (body[1] & 0xFF);
        int need = switch (type) {
            case STREAM_BEGIN, STREAM_EOF, STREAM_DRY, STREAM_IS_RECORDED, PING_REQUEST, PING_RESPONSE -> 4;
            case SET_BUFFER_LENGTH -> 8;
            default -> 0;
        };
        if (body.length < 2 + need) {
            throw new IllegalArgumentException("user control event " + type + " has " + (body.length - 2)
                    + " data bytes, needs " + need);
        }
        return switch (type) {
            case STREAM_BEGIN -> new StreamBegin((int) be32At(body, 2));
            case STREAM_EOF -> new StreamEof((int) be32At(body, 2));
            case STREAM_DRY -> new StreamDry((int) be32At(body, 2));
            case SET_BUFFER_LENGTH -> new SetBufferLength((int) be32At(body, 2), be32At(body, 6));
            case STREAM_IS_RECORDED -> new StreamIsRecorded((int) be32At(body, 2));
            case PING_REQUEST -> new PingRequest(be32At(body, 2));
            case PING_RESPONSE -> new PingResponse(be32At(body, 2));
            default -> new Other(type, Arrays.copyOfRange(body, 2, body.length));
        };
    }

    private static long be32At(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private static byte[] be32(long v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
