package dev.weir.engine.media.aac;

import dev.weir.engine.media.MalformedMediaException;

/**
 * The ADTS header (ISO/IEC 13818-7 §6.2) that frames each raw AAC frame in MPEG-TS: 7 bytes, or 9 with CRC.
 *
 * @param config       object type, sample rate and channel configuration, as an AudioSpecificConfig says them
 * @param headerLength 7, or 9 when protection_absent is 0
 * @param frameLength  aac_frame_length: header plus raw data
 */
public record AdtsHeader(AudioSpecificConfig config, int headerLength, int frameLength) {

    public static final int MIN_LENGTH = 7;

    /** Raw AAC bytes in this frame. */
    public int payloadLength() {
        return frameLength - headerLength;
    }

    /**
     * Parses the header at {@code offset}.
     *
     * @throws MalformedMediaException without the 0xFFF syncword, with a reserved sample rate or an impossible length
     */
    public static AdtsHeader parse(byte[] b, int offset, int length) throws MalformedMediaException {
        if (length < MIN_LENGTH) {
            throw new MalformedMediaException("ADTS header needs 7 bytes, have " + length);
        }
        int b0 = b[offset] & 0xFF;
        int b1 = b[offset + 1] & 0xFF;
        int b2 = b[offset + 2] & 0xFF;
        int b3 = b[offset + 3] & 0xFF;
        int b4 = b[offset + 4] & 0xFF;
        int b5 = b[offset + 5] & 0xFF;
        if (b0 != 0xFF || (b1 & 0xF6) != 0xF0) {
            throw new MalformedMediaException("no ADTS syncword (layer must be 0)");
        }
        boolean protectionAbsent = (b1 & 0x01) != 0;
        int profile = (b2 >> 6) & 0x3;
        int index = (b2 >> 2) & 0xF;
        int channels = ((b2 & 0x1) << 2) | (b3 >> 6);
        int frameLength = ((b3 & 0x3) << 11) | (b4 << 3) | (b5 >> 5);
        int headerLength = protectionAbsent ? 7 : 9;
        if (index >= AudioSpecificConfig.SAMPLE_RATES.length) {
            throw new MalformedMediaException("ADTS sampling_frequency_index " + index + " is reserved");
        }
        if (frameLength <= headerLength) {
            throw new MalformedMediaException("ADTS frame length " + frameLength + " is shorter than its header");
        }
        return new AdtsHeader(AudioSpecificConfig.of(profile + 1, index, channels), headerLength, frameLength);
    }

    /**
     * Whether an ADTS header can say this config: an object type without escape, a standard sample rate and a
     * channel configuration of 3 bits. (With SBR or PS the header carries the core config, and decoders find the
     * extension in the stream.)
     */
    public static boolean canCarry(AudioSpecificConfig config) {
        return config.objectType() < 31 && config.frequencyIndex() < AudioSpecificConfig.SAMPLE_RATES.length
                && config.channelConfiguration() <= 7;
    }

    /**
     * Writes a 7-byte header (no CRC) for a raw frame of {@code payloadLength} bytes. The 2-bit profile is the
     * object type minus one, clamped to 0..3; see {@link #canCarry}.
     */
    public static byte[] encode(AudioSpecificConfig config, int payloadLength) {
        int frameLength = payloadLength + 7;
        int profile = Math.max(0, Math.min(3, config.objectType() - 1));
        int channels = config.channelConfiguration();
        byte[] h = new byte[7];
        h[0] = (byte) 0xFF;
        h[1] = (byte) 0xF1; // MPEG-4, layer 0, protection absent
        h[2] = (byte) ((profile << 6) | (config.frequencyIndex() << 2) | ((channels >> 2) & 0x1));
        h[3] = (byte) (((channels & 0x3) << 6) | ((frameLength >> 11) & 0x3));
        h[4] = (byte) (frameLength >> 3);
        h[5] = (byte) (((frameLength & 0x7) << 5) | 0x1F); // buffer fullness 0x7FF (VBR)
        h[6] = (byte) 0xFC; // buffer fullness, one raw data block
        return h;
    }
}
