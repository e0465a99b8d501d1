package dev.weir.engine.rtmp.amf;

import java.nio.charset.StandardCharsets;

/**
 * A bounded read position in a byte range, shared by {@link Amf0Decoder} and {@link Amf3Decoder} (one cursor serves
 * both across AMF0's switch to AMF3). Every read checks the bytes left first and throws {@link AmfException} naming
 * the format, the offset and what was missing: the bytes come from the network.
 */
final class AmfCursor {
    private final byte[] data;
    private final int limit;
    private final String format;
    private int position;

    /** @param format {@code AMF0} or {@code AMF3}, for the messages of truncated input */
    AmfCursor(byte[] data, int offset, int length, String format) {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IndexOutOfBoundsException("range " + offset + "+" + length + " outside " + data.length);
        }
        this.data = data;
        this.position = offset;
        this.limit = offset + length;
        this.format = format;
    }

    int position() {
        return position;
    }

    int remaining() {
        return limit - position;
    }

    /** Fails unless {@code n} more bytes are there (a negative {@code n}, from a corrupt length, never is). */
    void need(int n) throws AmfException {
        if (n < 0 || limit - position < n) {
            throw new AmfException("truncated " + format + ": need " + n + " bytes at offset " + position
                    + ", have " + (limit - position));
        }
    }

    int u8() throws AmfException {
        need(1);
        return data[position++] & 0xFF;
    }

    int u16() throws AmfException {
        need(2);
        int v = ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
        position += 2;
        return v;
    }

    /** A 32-bit big-endian length; one over {@link Integer#MAX_VALUE} cannot fit any message and is refused. */
    int u32AsLength() throws AmfException {
        need(4);
        long v = ((long) (data[position] & 0xFF) << 24) | ((data[position + 1] & 0xFF) << 16)
                | ((data[position + 2] & 0xFF) << 8) | (data[position + 3] & 0xFF);
        position += 4;
        if (v > Integer.MAX_VALUE) {
            throw new AmfException("length " + v + " is larger than any message");
        }
        return (int) v;
    }

    long u64() throws AmfException {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (data[position + i] & 0xFF);
        }
        position += 8;
        return v;
    }

    String utf8(int length) throws AmfException {
        need(length);
        String s = new String(data, position, length, StandardCharsets.UTF_8);
        position += length;
        return s;
    }

    byte[] bytes(int length) throws AmfException {
        need(length);
        byte[] bytes = new byte[length];
        System.arraycopy(data, position, bytes, 0, length);
        position += length;
        return bytes;
    }
}
