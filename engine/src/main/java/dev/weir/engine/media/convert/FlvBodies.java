package dev.weir.engine.media.convert;

import java.io.ByteArrayOutputStream;

/**
 * Builders of the FLV tag bodies (video, audio) the hub carries: legacy AVC/AAC/MP3 tags (FLV spec v10.1
 * annex E) and Enhanced RTMP v2 video tags (ExVideoTagHeader with a FourCC).
 */
public final class FlvBodies {
    /** Legacy video: frame type in the high nibble, codec id 7 (AVC) in the low nibble. */
    public static final int AVC_KEY = 0x17;
    public static final int AVC_INTER = 0x27;
    public static final int AVC_SEQUENCE_HEADER = 0;
    public static final int AVC_NALU = 1;
    /** Enhanced RTMP: IsExHeader bit and packet types. */
    public static final int EX_HEADER = 0x80;
    public static final int EX_SEQUENCE_START = 0;
    public static final int EX_CODED_FRAMES = 1;
    public static final int EX_SEQUENCE_END = 2;
    public static final int EX_CODED_FRAMES_X = 3;
    public static final int FRAME_KEY = 1;
    public static final int FRAME_INTER = 2;
    /** AAC: sound format 10, 44 kHz, 16-bit, stereo flags (always these values for AAC). */
    public static final int AAC_FLAGS = 0xAF;
    public static final int AAC_SEQUENCE_HEADER = 0;
    public static final int AAC_RAW = 1;
    public static final byte[] FOURCC_HVC1 = {'h', 'v', 'c', '1'};

    private FlvBodies() {
    }

    public static byte[] avcSequenceHeader(byte[] avcC) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(5 + avcC.length);
        out.write(AVC_KEY);
        out.write(AVC_SEQUENCE_HEADER);
        writeSi24(out, 0);
        out.write(avcC, 0, avcC.length);
        return out.toByteArray();
    }

    /** @param avcc length-prefixed NAL units */
    public static byte[] avcFrame(boolean key, int compositionTimeMs, byte[] avcc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(5 + avcc.length);
        out.write(key ? AVC_KEY : AVC_INTER);
        out.write(AVC_NALU);
        writeSi24(out, compositionTimeMs);
        out.write(avcc, 0, avcc.length);
        return out.toByteArray();
    }

    public static byte[] hevcSequenceStart(byte[] hvcC) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(5 + hvcC.length);
        out.write(EX_HEADER | (FRAME_KEY << 4) | EX_SEQUENCE_START);
        out.write(FOURCC_HVC1, 0, 4);
        out.write(hvcC, 0, hvcC.length);
        return out.toByteArray();
    }

    /** CodedFrames with a composition time, or CodedFramesX (no composition time field) when it is 0. */
    public static byte[] hevcFrame(boolean key, int compositionTimeMs, byte[] hvcc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 + hvcc.length);
        int packetType = compositionTimeMs != 0 ? EX_CODED_FRAMES : EX_CODED_FRAMES_X;
        out.write(EX_HEADER | ((key ? FRAME_KEY : FRAME_INTER) << 4) | packetType);
        out.write(FOURCC_HVC1, 0, 4);
        if (packetType == EX_CODED_FRAMES) {
            writeSi24(out, compositionTimeMs);
        }
        out.write(hvcc, 0, hvcc.length);
        return out.toByteArray();
    }

    public static byte[] aacSequenceHeader(byte[] asc) {
        byte[] b = new byte[2 + asc.length];
        b[0] = (byte) AAC_FLAGS;
        b[1] = AAC_SEQUENCE_HEADER;
        System.arraycopy(asc, 0, b, 2, asc.length);
        return b;
    }

    public static byte[] aacFrame(byte[] src, int offset, int length) {
        byte[] b = new byte[2 + length];
        b[0] = (byte) AAC_FLAGS;
        b[1] = AAC_RAW;
        System.arraycopy(src, offset, b, 2, length);
        return b;
    }

    /** MP3 (sound format 2): the rate flag says 44/22/11 kHz (48 kHz is written as 44, as players expect). */
    public static byte[] mp3Frame(int sampleRate, int channels, byte[] src, int offset, int length) {
        int rate = sampleRate >= 32000 ? 3 : sampleRate >= 16000 ? 2 : 1;
        byte[] b = new byte[1 + length];
        b[0] = (byte) ((2 << 4) | (rate << 2) | 0x2 | (channels > 1 ? 1 : 0));
        System.arraycopy(src, offset, b, 1, length);
        return b;
    }

    static void writeSi24(ByteArrayOutputStream out, int v) {
        out.write(v >> 16);
        out.write(v >> 8);
        out.write(v);
    }

    static int readSi24(byte[] b, int p) {
        int v = ((b[p] & 0xFF) << 16) | ((b[p + 1] & 0xFF) << 8) | (b[p + 2] & 0xFF);
        return (v << 8) >> 8;
    }
}
