package dev.weir.engine.srt.handshake;

import dev.weir.engine.srt.packet.MalformedPacketException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * Strings in handshake extensions (stream id, congestion controller name) as libsrt writes them: UTF-8 bytes
 * padded with zeros to whole 32-bit words, then each word byte-swapped (libsrt copies the string into a
 * {@code uint32_t} array and converts every word to network order on a little-endian host). So "live/abc" goes on
 * the wire as {@code "evil" "cba/"}; captured in golden/srt/plain.txt.
 */
public final class WordSwappedString {

    /** libsrt's MAX_SID_LENGTH. */
    public static final int MAX_STREAM_ID_BYTES = 512;

    private WordSwappedString() {
    }

    public static byte[] encode(String value, int maxBytes) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > maxBytes) {
            throw new IllegalArgumentException("string of " + utf8.length + " UTF-8 bytes exceeds " + maxBytes);
        }
        byte[] out = new byte[(utf8.length + 3) / 4 * 4];
        System.arraycopy(utf8, 0, out, 0, utf8.length);
        swapWords(out);
        return out;
    }

    public static String decode(byte[] content, int maxBytes) throws MalformedPacketException {
        MalformedPacketException.require(content.length % 4 == 0, "string extension is not whole words");
        MalformedPacketException.require(content.length <= maxBytes,
                "string extension of " + content.length + " bytes exceeds " + maxBytes);
        byte[] bytes = content.clone();
        swapWords(bytes);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == 0) {
            end--;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, end)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedPacketException("string extension is not valid UTF-8");
        }
    }

    private static void swapWords(byte[] b) {
        for (int i = 0; i + 3 < b.length; i += 4) {
            byte t0 = b[i];
            byte t1 = b[i + 1];
            b[i] = b[i + 3];
            b[i + 1] = b[i + 2];
            b[i + 2] = t1;
            b[i + 3] = t0;
        }
    }
}
