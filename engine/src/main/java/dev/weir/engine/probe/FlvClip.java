package dev.weir.engine.probe;

import dev.weir.engine.hub.MediaMessage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A short FLV file held in memory as hub messages, for the test caller to loop. FLV (spec v10.1): a 9-byte header,
 * then {@code PreviousTagSize} (4 bytes) and tags of an 11-byte header (type, 24-bit size, 24-bit timestamp plus an
 * extension byte, 24-bit stream id) and a body. Only audio (8), video (9) and script data (18) tags are kept.
 *
 * @param messages   in file order
 * @param durationMs timestamp of the last message plus one frame's worth (40 ms), so a loop does not repeat a time
 */
public record FlvClip(List<MediaMessage> messages, long durationMs) {
    public FlvClip {
        messages = List.copyOf(messages);
        if (messages.isEmpty()) throw new IllegalArgumentException("the clip has no audio or video tags");
    }

    /** Reads a whole FLV file; a truncated last tag ends the clip there. */
    public static FlvClip read(InputStream in) throws IOException {
        byte[] data = in.readAllBytes();
        if (data.length < 13 || data[0] != 'F' || data[1] != 'L' || data[2] != 'V') {
            throw new IOException("not an FLV file (no FLV signature)");
        }
        int pos = (int) be(data, 5, 4) + 4;   // header size, then PreviousTagSize0
        List<MediaMessage> messages = new ArrayList<>();
        long last = 0;
        while (pos + 11 <= data.length) {
            int type = data[pos] & 0x1f;
            int size = (int) be(data, pos + 1, 3);
            long ts = be(data, pos + 4, 3) | ((long) (data[pos + 7] & 0xff) << 24);
            int body = pos + 11;
            if (body + size > data.length) break;
            byte[] bytes = java.util.Arrays.copyOfRange(data, body, body + size);
            MediaMessage.Kind kind = switch (type) {
                case 8 -> MediaMessage.Kind.AUDIO;
                case 9 -> MediaMessage.Kind.VIDEO;
                case 18 -> MediaMessage.Kind.DATA;
                default -> null;
            };
            if (kind != null && size > 0) {
                messages.add(new MediaMessage(kind, ts, bytes));
                last = Math.max(last, ts);
            }
            pos = body + size + 4;
        }
        return new FlvClip(messages, last + 40);
    }

    private static long be(byte[] b, int off, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) v = (v << 8) | (b[off + i] & 0xff);
        return v;
    }
}
