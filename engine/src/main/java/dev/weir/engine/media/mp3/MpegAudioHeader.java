package dev.weir.engine.media.mp3;

import dev.weir.engine.media.MalformedMediaException;

/**
 * The 4-byte MPEG-1/2 audio frame header (ISO/IEC 11172-3 §2.4.1.3), read for sample rate and channels so that
 * the FLV sound flags can be set.
 *
 * @param sampleRate in Hz
 * @param channels   1 or 2
 */
public record MpegAudioHeader(int sampleRate, int channels) {
    private static final int[][] RATES = {
            {11025, 12000, 8000}, // MPEG 2.5
            null,
            {22050, 24000, 16000}, // MPEG 2
            {44100, 48000, 32000}}; // MPEG 1

    public static MpegAudioHeader parse(byte[] b, int offset, int length) throws MalformedMediaException {
        if (length < 4 || (b[offset] & 0xFF) != 0xFF || (b[offset + 1] & 0xE0) != 0xE0) {
            throw new MalformedMediaException("no MPEG audio frame sync");
        }
        int version = (b[offset + 1] >> 3) & 0x3;
        int rateIndex = (b[offset + 2] >> 2) & 0x3;
        if (RATES[version] == null || rateIndex == 3) {
            throw new MalformedMediaException("reserved MPEG audio version or sample rate");
        }
        int mode = (b[offset + 3] >> 6) & 0x3;
        return new MpegAudioHeader(RATES[version][rateIndex], mode == 3 ? 1 : 2);
    }
}
