package dev.weir.engine.record;

import dev.weir.engine.hub.MediaMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Records hub messages as an FLV file (FLV spec v10.1): the 9-byte header, an {@code onMetaData} script tag
 * whose {@code duration} and {@code filesize} are rewritten when the file is closed, then one tag per message
 * with the previous-tag-size back pointers. Tags are written whole and handed to the OS at least every
 * {@link #FLUSH_INTERVAL_MS} of stream time and at each video keyframe, so a file cut off by a crash plays up to
 * its last whole tag. Timestamps start at 0. Script data from the publisher is not copied (the file has its
 * own onMetaData).
 */
public final class FlvRecorder implements MediaRecorder {
    public static final long FLUSH_INTERVAL_MS = 1_000;

    private static final int TAG_AUDIO = 8;
    private static final int TAG_VIDEO = 9;
    private static final int TAG_SCRIPT = 18;
    private static final int HEADER_SIZE = 9;

    private final FileSink sink;
    private final long durationOffset;
    private final long filesizeOffset;
    private long firstTimestamp = Long.MIN_VALUE;
    private long lastTimestamp;
    private long lastFlush = Long.MIN_VALUE;
    private boolean closed;

    private FlvRecorder(FileSink sink) throws IOException {
        this.sink = sink;
        sink.append(new byte[]{'F', 'L', 'V', 1, 0x05, 0, 0, 0, HEADER_SIZE, 0, 0, 0, 0});
        byte[] meta = metadata(0, 0);
        long tagStart = sink.size();
        writeTag(TAG_SCRIPT, 0, meta);
        // offsets of the two doubles inside the script tag (see metadata())
        this.durationOffset = tagStart + 11 + 13 + 5 + 2 + 8 + 1;
        this.filesizeOffset = durationOffset + 8 + 2 + 8 + 1;
        sink.flush();
    }

    /** Creates {@code file} (never overwriting) and writes the header. */
    public static FlvRecorder create(Path file) throws IOException {
        FileSink sink = new FileSink(file);
        try {
            return new FlvRecorder(sink);
        } catch (IOException | RuntimeException e) {
            sink.close();
            throw e;
        }
    }

    @Override
    public Path file() {
        return sink.file();
    }

    @Override
    public void write(MediaMessage message) throws IOException {
        if (closed) {
            throw new IOException("recording " + sink.file() + " is closed");
        }
        int type = switch (message.kind()) {
            case AUDIO -> TAG_AUDIO;
            case VIDEO -> TAG_VIDEO;
            case DATA -> -1;
        };
        if (type < 0 || message.body().length == 0) {
            return;
        }
        if (firstTimestamp == Long.MIN_VALUE) {
            firstTimestamp = message.timestamp();
            lastFlush = message.timestamp();
        }
        long t = Math.max(0, message.timestamp() - firstTimestamp);
        lastTimestamp = Math.max(lastTimestamp, t);
        writeTag(type, t, message.body());
        boolean keyframe = type == TAG_VIDEO && isKeyframe(message.body());
        if (keyframe || message.timestamp() - lastFlush >= FLUSH_INTERVAL_MS || sink.buffered() > 1 << 20) {
            sink.flush();
            lastFlush = message.timestamp();
        }
    }

    @Override
    public void flush() throws IOException {
        sink.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            sink.flush();
            sink.overwrite(durationOffset, doubleBytes(lastTimestamp / 1000.0));
            sink.overwrite(filesizeOffset, doubleBytes(sink.size()));
        } finally {
            sink.close();
        }
    }

    private static boolean isKeyframe(byte[] body) {
        int b0 = body[0] & 0xFF;
        int frameType = (b0 & 0x80) != 0 ? (b0 >> 4) & 0x7 : b0 >> 4;
        return frameType == 1;
    }

    private void writeTag(int type, long timestamp, byte[] body) {
        int n = body.length;
        byte[] h = new byte[11];
        h[0] = (byte) type;
        h[1] = (byte) (n >> 16);
        h[2] = (byte) (n >> 8);
        h[3] = (byte) n;
        h[4] = (byte) (timestamp >> 16);
        h[5] = (byte) (timestamp >> 8);
        h[6] = (byte) timestamp;
        h[7] = (byte) (timestamp >> 24); // TimestampExtended
        // 8..10: StreamID, always 0
        int tagSize = 11 + n;
        byte[] back = {(byte) (tagSize >> 24), (byte) (tagSize >> 16), (byte) (tagSize >> 8), (byte) tagSize};
        sink.append(h);
        sink.append(body);
        sink.append(back);
    }

    /** AMF0: "onMetaData", ECMA array {duration: number, filesize: number}. */
    private static byte[] metadata(double duration, double filesize) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(0x02); // string
        writeString(out, "onMetaData");
        out.write(0x08); // ECMA array
        out.writeBytes(new byte[]{0, 0, 0, 2});
        writeString(out, "duration");
        out.write(0x00);
        out.writeBytes(doubleBytes(duration));
        writeString(out, "filesize");
        out.write(0x00);
        out.writeBytes(doubleBytes(filesize));
        out.writeBytes(new byte[]{0, 0, 0x09}); // object end
        return out.toByteArray();
    }

    private static void writeString(java.io.ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        out.write(b.length >> 8);
        out.write(b.length);
        out.writeBytes(b);
    }

    private static byte[] doubleBytes(double v) {
        long bits = Double.doubleToLongBits(v);
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (bits >> (56 - 8 * i));
        }
        return b;
    }
}
