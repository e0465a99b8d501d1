package dev.weir.engine.media;

import dev.weir.engine.hub.MediaMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Test input: splits an FLV file (written by ffmpeg) into hub messages tag by tag, the way the RTMP side would
 * deliver them. Strict: a broken back pointer fails, which also makes it a checker for Weir's own FLV files.
 */
public final class FlvFileReader {
    private FlvFileReader() {
    }

    public static List<MediaMessage> read(byte[] flv) {
        if (flv.length < 13 || flv[0] != 'F' || flv[1] != 'L' || flv[2] != 'V') {
            throw new IllegalArgumentException("not an FLV file");
        }
        int p = ((flv[5] & 0xFF) << 24 | (flv[6] & 0xFF) << 16 | (flv[7] & 0xFF) << 8 | (flv[8] & 0xFF)) + 4;
        List<MediaMessage> out = new ArrayList<>();
        while (p + 11 <= flv.length) {
            int type = flv[p] & 0x1F;
            int size = (flv[p + 1] & 0xFF) << 16 | (flv[p + 2] & 0xFF) << 8 | (flv[p + 3] & 0xFF);
            long ts = ((flv[p + 4] & 0xFF) << 16 | (flv[p + 5] & 0xFF) << 8 | (flv[p + 6] & 0xFF))
                    | ((long) (flv[p + 7] & 0xFF) << 24);
            if (p + 11 + size + 4 > flv.length) {
                break; // a cut-off last tag
            }
            byte[] body = java.util.Arrays.copyOfRange(flv, p + 11, p + 11 + size);
            int back = (flv[p + 11 + size] & 0xFF) << 24 | (flv[p + 12 + size] & 0xFF) << 16
                    | (flv[p + 13 + size] & 0xFF) << 8 | (flv[p + 14 + size] & 0xFF);
            if (back != 11 + size) {
                throw new IllegalArgumentException("previous-tag-size " + back + " after a tag of " + (11 + size));
            }
            MediaMessage.Kind kind = switch (type) {
                case 8 -> MediaMessage.Kind.AUDIO;
                case 9 -> MediaMessage.Kind.VIDEO;
                default -> MediaMessage.Kind.DATA;
            };
            out.add(new MediaMessage(kind, ts, body));
            p += 11 + size + 4;
        }
        return out;
    }
}
