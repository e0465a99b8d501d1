package dev.weir.engine.hub;

import dev.weir.engine.hub.MediaMessage.Kind;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Test harness around the hub: reads FLV tags as ffmpeg writes them ({@code -f flv pipe:1}) and writes what a
 * player received back into an FLV file for ffmpeg to decode. FLV file layout (Adobe FLV spec annex E): a 9-byte
 * header and a 4-byte zero, then per tag: type (8, 9, 18), UI24 body size, UI24 timestamp + UI8 high byte,
 * UI24 stream id 0, the body, and UI32 size of the tag just written.
 */
final class FlvTestFiles {
    private FlvTestFiles() {}

    /** Skips the FLV header and the first previous-tag-size. */
    static void readHeader(DataInputStream in) throws IOException {
        byte[] signature = new byte[3];
        in.readFully(signature);
        if (signature[0] != 'F' || signature[1] != 'L' || signature[2] != 'V') throw new IOException("not FLV");
        in.readUnsignedByte(); // version
        in.readUnsignedByte(); // audio/video flags
        int headerSize = in.readInt();
        in.skipNBytes(headerSize - 9 + 4L);
    }

    /** The next tag as a hub message, or {@code null} at the end of the stream. */
    static MediaMessage readTag(DataInputStream in) throws IOException {
        int type;
        try {
            type = in.readUnsignedByte();
        } catch (EOFException end) {
            return null;
        }
        int size = u24(in);
        long timestamp = u24(in) | ((long) in.readUnsignedByte() << 24);
        u24(in); // stream id
        byte[] body = new byte[size];
        in.readFully(body);
        in.readInt(); // previous tag size
        Kind kind = switch (type) {
            case 8 -> Kind.AUDIO;
            case 9 -> Kind.VIDEO;
            case 18 -> Kind.DATA;
            default -> throw new IOException("unexpected FLV tag type " + type);
        };
        return new MediaMessage(kind, timestamp, body);
    }

    static void writeHeader(OutputStream out) throws IOException {
        out.write(new byte[] {'F', 'L', 'V', 1, 0x05, 0, 0, 0, 9, 0, 0, 0, 0});
    }

    static void writeTag(OutputStream out, MediaMessage m) throws IOException {
        int type = switch (m.kind()) {
            case AUDIO -> 8;
            case VIDEO -> 9;
            case DATA -> 18;
        };
        int size = m.size();
        long ts = m.timestamp();
        out.write(new byte[] {(byte) type, (byte) (size >> 16), (byte) (size >> 8), (byte) size,
                (byte) (ts >> 16), (byte) (ts >> 8), (byte) ts, (byte) (ts >> 24), 0, 0, 0});
        out.write(m.body());
        int tagSize = 11 + size;
        out.write(new byte[] {(byte) (tagSize >> 24), (byte) (tagSize >> 16), (byte) (tagSize >> 8), (byte) tagSize});
    }

    private static int u24(DataInputStream in) throws IOException {
        return (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
    }
}
