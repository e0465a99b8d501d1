package dev.weir.engine.media.es;

/**
 * The two-byte core of an MPEG-4 AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1): audio object type, sampling
 * frequency index and channel configuration. That is all an ADTS header can say, and all FLV/MP4 need for AAC.
 *
 * @param objectType     2 = AAC LC (ADTS profile + 1)
 * @param frequencyIndex index into {@link #SAMPLE_RATES}
 * @param channels       channel_configuration (1 mono, 2 stereo, ... 7 = 7.1)
 */
public record AudioSpecificConfig(int objectType, int frequencyIndex, int channels) {

    public static final int[] SAMPLE_RATES = {
            96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350};

    public int sampleRate() {
        return frequencyIndex < SAMPLE_RATES.length ? SAMPLE_RATES[frequencyIndex] : 0;
    }

    /** 5 bits object type, 4 bits frequency index, 4 bits channels, 3 zero bits (GASpecificConfig). */
    public byte[] encode() {
        int v = (objectType << 11) | (frequencyIndex << 7) | (channels << 3);
        return new byte[]{(byte) (v >> 8), (byte) v};
    }

    /** Reads the first two bytes (extensions after them are ignored); escape object types are refused. */
    public static AudioSpecificConfig parse(byte[] b, int offset, int length) throws EsFormatException {
        if (length < 2) {
            throw new EsFormatException("AudioSpecificConfig needs at least 2 bytes");
        }
        int v = ((b[offset] & 0xFF) << 8) | (b[offset + 1] & 0xFF);
        int objectType = v >> 11;
        int index = (v >> 7) & 0xF;
        int channels = (v >> 3) & 0xF;
        if (objectType == 31 || index >= SAMPLE_RATES.length) {
            throw new EsFormatException("AudioSpecificConfig with escape object type or explicit sample rate"
                    + " is not supported");
        }
        return new AudioSpecificConfig(objectType, index, channels);
    }
}
