package dev.weir.engine.media.flv;

/** Byte-level reads shared by the audio and video tag layouts. */
final class TagBytes {
    private TagBytes() {}

    /** Position after the ModEx prefix at {@code pos}, or -1 when the body ends inside it. */
    static int modExEnd(byte[] body, int pos) {
        if (pos >= body.length) return -1;
        int size = (body[pos++] & 0xFF) + 1;
        if (size == 256) {
            if (pos + 2 > body.length) return -1;
            size = (((body[pos] & 0xFF) << 8) | (body[pos + 1] & 0xFF)) + 1;
            pos += 2;
        }
        long next = (long) pos + size;         // data, then the [ModExType:4 | PacketType:4] byte
        if (next + 1 > body.length) return -1;
        return (int) next + 1;
    }

    static int signed24(byte[] b, int pos) {
        int v = ((b[pos] & 0xFF) << 16) | ((b[pos + 1] & 0xFF) << 8) | (b[pos + 2] & 0xFF);
        return (v << 8) >> 8;
    }

    static int int32(byte[] b, int pos) {
        return ((b[pos] & 0xFF) << 24) | ((b[pos + 1] & 0xFF) << 16) | ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
    }

    static String fourCcText(int fourCc) {
        StringBuilder s = new StringBuilder(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            int c = (fourCc >> shift) & 0xFF;
            s.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
        }
        return "'" + s + "'";
    }
}
