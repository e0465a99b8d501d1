package dev.weir.engine.hub;

import dev.weir.engine.hub.MediaMessage.Kind;

import java.util.Arrays;

/**
 * Hand-built FLV tag bodies for hub tests. Each names its bytes; the payload after the header is filler of
 * the requested size (the hub never decodes frames, only their headers).
 */
final class TestMedia {
    private TestMedia() {}

    /** {@code 0x17} = key frame (1) + AVC (7); {@code 0x00} = AVCPacketType sequence header; CTS 0. */
    static MediaMessage avcSequenceHeader(long ts) {
        return new MediaMessage(Kind.VIDEO, ts, new byte[] {0x17, 0x00, 0, 0, 0,
                0x01, 0x64, 0x00, 0x1E, (byte) 0xFF, (byte) 0xE1, 0x00, 0x00, 0x01, 0x00, 0x00});
    }

    /** {@code 0x17 0x01}: AVC key frame NALUs, then filler to {@code size} bytes. */
    static MediaMessage keyframe(long ts, int size) {
        return video(ts, size, 0x17);
    }

    /** {@code 0x27 0x01}: AVC inter frame NALUs (frame type 2). */
    static MediaMessage interFrame(long ts, int size) {
        return video(ts, size, 0x27);
    }

    private static MediaMessage video(long ts, int size, int first) {
        byte[] b = new byte[Math.max(size, 5)];
        b[0] = (byte) first;
        b[1] = 0x01;
        Arrays.fill(b, 5, b.length, (byte) 0x55);
        return new MediaMessage(Kind.VIDEO, ts, b);
    }

    /** {@code 0xAF} = AAC, 44 kHz, 16 bit, stereo; {@code 0x00} = sequence header; ASC 0x12 0x10 = LC 44.1 kHz stereo. */
    static MediaMessage aacSequenceHeader(long ts) {
        return new MediaMessage(Kind.AUDIO, ts, new byte[] {(byte) 0xAF, 0x00, 0x12, 0x10});
    }

    /** {@code 0xAF 0x01}: one raw AAC frame. */
    static MediaMessage aacFrame(long ts, int size) {
        byte[] b = new byte[Math.max(size, 2)];
        b[0] = (byte) 0xAF;
        b[1] = 0x01;
        return new MediaMessage(Kind.AUDIO, ts, b);
    }

    /**
     * {@code @setDataFrame("onMetaData", {width: 640.0})} in AMF0: string marker 0x02, u16 length, text; then
     * an ECMA array (0x08, u32 count 1), key "width", number marker 0x00 + IEEE double 640, end 00 00 09.
     */
    static MediaMessage setDataFrameMetadata(long ts) {
        return new MediaMessage(Kind.DATA, ts, new byte[] {
                0x02, 0x00, 0x0D, '@', 's', 'e', 't', 'D', 'a', 't', 'a', 'F', 'r', 'a', 'm', 'e',
                0x02, 0x00, 0x0A, 'o', 'n', 'M', 'e', 't', 'a', 'D', 'a', 't', 'a',
                0x08, 0x00, 0x00, 0x00, 0x01,
                0x00, 0x05, 'w', 'i', 'd', 't', 'h', 0x00, 0x40, (byte) 0x84, 0x00, 0, 0, 0, 0, 0,
                0x00, 0x00, 0x09});
    }

    /** The same metadata as players receive it: without the 16-byte {@code @setDataFrame} string. */
    static byte[] metadataAsPlayed() {
        byte[] full = setDataFrameMetadata(0).body();
        return Arrays.copyOfRange(full, 16, full.length);
    }
}
