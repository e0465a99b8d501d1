package dev.weir.engine.media.aac;

import dev.weir.engine.media.MalformedMediaException;
import dev.weir.engine.media.nal.BitReader;

/**
 * An MPEG-4 AudioSpecificConfig (ISO/IEC 14496-3 1.6.2.1), the AAC decoder configuration: read from RTMP/FLV
 * sequence headers (stats, MP4 sample entries, ADTS headers for TS) and written from ADTS headers (TS to FLV).
 *
 * <pre>
 *  audioObjectType (5; 31 = escape, then 6 more: 32 + value)
 *  samplingFrequencyIndex (4; 15 = escape, then the rate in 24 bits)
 *  channelConfiguration (4)
 *  if audioObjectType is 5 (SBR) or 29 (PS): extension samplingFrequencyIndex (4 [+24]), then the core object type
 *  GASpecificConfig ... then, optionally, the backward-compatible sync extension 0x2b7 that signals SBR / PS
 * </pre>
 *
 * HE-AAC plays at the SBR (extension) rate, twice the core rate; HE-AACv2 (parametric stereo) plays two channels
 * from a mono core. {@link #sampleRate()} and {@link #channels()} report what is heard.
 *
 * @param objectType       the core audio object type (2 = AAC LC for HE-AAC streams)
 * @param sbr              spectral band replication present (HE-AAC)
 * @param parametricStereo parametric stereo present (HE-AACv2)
 * @param coreSampleRate   Hz of the core decoder
 * @param sampleRate       Hz a listener hears (the extension rate with SBR)
 * @param channelConfiguration channelConfiguration as written (0 = defined in a program config element)
 * @param channels         channels a listener hears, 0 when defined by a program config element
 */
public record AudioSpecificConfig(
        int objectType,
        boolean sbr,
        boolean parametricStereo,
        int coreSampleRate,
        int sampleRate,
        int channelConfiguration,
        int channels) {

    /** Hz by samplingFrequencyIndex; index 15 is the escape to an explicit 24-bit rate, 13 and 14 are reserved. */
    static final int[] SAMPLE_RATES = {
            96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350};
    static final int FREQUENCY_ESCAPE = 15;
    private static final int AOT_ESCAPE = 31;
    private static final int AOT_SBR = 5;
    private static final int AOT_PS = 29;
    private static final int SYNC_EXTENSION_SBR = 0x2b7;
    private static final int SYNC_EXTENSION_PS = 0x548;

    /**
     * A config without SBR or parametric stereo, from the three fields an ADTS header carries.
     *
     * @param frequencyIndex index of a standard sample rate (0 to 12)
     */
    public static AudioSpecificConfig of(int objectType, int frequencyIndex, int channelConfiguration) {
        if (frequencyIndex < 0 || frequencyIndex >= SAMPLE_RATES.length) {
            throw new IllegalArgumentException("sampling frequency index " + frequencyIndex + " names no standard rate");
        }
        int rate = SAMPLE_RATES[frequencyIndex];
        return new AudioSpecificConfig(objectType, false, false, rate, rate, channelConfiguration,
                channelCount(channelConfiguration));
    }

    public static AudioSpecificConfig parse(byte[] b) throws MalformedMediaException {
        return parse(b, 0, b.length);
    }

    /** Parses the config in {@code length} bytes of {@code b} from {@code offset} (e.g. after a 2-byte FLV header). */
    public static AudioSpecificConfig parse(byte[] b, int offset, int length) throws MalformedMediaException {
        if (offset < 0 || length < 0 || offset + length > b.length) throw new IllegalArgumentException("range outside the array");
        BitReader r = new BitReader(b, offset, length);
        int objectType = objectType(r);
        if (objectType == 0) throw new MalformedMediaException("AudioSpecificConfig has object type 0 (null)");
        int coreRate = sampleRate(r);
        int channelConfiguration = r.u(4);
        boolean sbr = false;
        boolean ps = false;
        int extensionRate = 0;
        if (objectType == AOT_SBR || objectType == AOT_PS) {
            sbr = true;
            ps = objectType == AOT_PS;
            extensionRate = sampleRate(r);
            objectType = objectType(r);
        }
        if (isGeneralAudio(objectType) && channelConfiguration != 0 && skipGaSpecificConfig(r, objectType)
                && !sbr && r.remaining() >= 16) {
            // Backward-compatible signalling: an LC config followed by a sync extension saying "SBR is here".
            if (r.u(11) == SYNC_EXTENSION_SBR && objectType(r) == AOT_SBR) {
                sbr = r.flag();
                if (sbr) {
                    extensionRate = sampleRate(r);
                    if (r.remaining() >= 12 && r.u(11) == SYNC_EXTENSION_PS) ps = r.flag();
                }
            }
        }
        int heardRate = sbr ? (extensionRate > 0 ? extensionRate : 2 * coreRate) : coreRate;
        int channels = channelCount(channelConfiguration);
        if (ps && channelConfiguration == 1) channels = 2;
        return new AudioSpecificConfig(objectType, sbr, ps, coreRate, heardRate, channelConfiguration, channels);
    }

    /** The samplingFrequencyIndex of the core rate, or 15 (escape) when it is not one of the standard rates. */
    public int frequencyIndex() {
        for (int i = 0; i < SAMPLE_RATES.length; i++) {
            if (SAMPLE_RATES[i] == coreSampleRate) return i;
        }
        return FREQUENCY_ESCAPE;
    }

    /**
     * Writes the config: object type, core sampling frequency, channel configuration and a GASpecificConfig of
     * three zero bits (1024-sample frames, no core coder, no extension), padded to whole bytes. An AAC LC config
     * is two bytes ({@code 12 10} for 44.1 kHz stereo). Configs with SBR or parametric stereo are not written: they
     * need the extension fields this writer leaves out.
     */
    public byte[] encode() {
        if (sbr || parametricStereo) throw new IllegalStateException("cannot write an SBR/PS AudioSpecificConfig");
        long bits = 0;
        int n = 0;
        if (objectType >= AOT_ESCAPE) {
            bits = (bits << 5) | AOT_ESCAPE;
            bits = (bits << 6) | (objectType - 32);
            n += 11;
        } else {
            bits = (bits << 5) | objectType;
            n += 5;
        }
        int index = frequencyIndex();
        bits = (bits << 4) | index;
        n += 4;
        if (index == FREQUENCY_ESCAPE) {
            bits = (bits << 24) | coreSampleRate;
            n += 24;
        }
        bits = (bits << 4) | channelConfiguration;
        bits <<= 3; // GASpecificConfig: frameLengthFlag, dependsOnCoreCoder, extensionFlag
        n += 7;
        int bytes = (n + 7) / 8;
        bits <<= bytes * 8 - n;
        byte[] out = new byte[bytes];
        for (int i = 0; i < bytes; i++) out[i] = (byte) (bits >> (8 * (bytes - 1 - i)));
        return out;
    }

    private static int objectType(BitReader r) throws MalformedMediaException {
        int type = r.u(5);
        return type == AOT_ESCAPE ? 32 + r.u(6) : type;
    }

    private static int sampleRate(BitReader r) throws MalformedMediaException {
        int index = r.u(4);
        if (index == FREQUENCY_ESCAPE) return r.u(24);
        if (index >= SAMPLE_RATES.length) throw new MalformedMediaException("AudioSpecificConfig has reserved sampling frequency index " + index);
        return SAMPLE_RATES[index];
    }

    private static boolean isGeneralAudio(int objectType) {
        return switch (objectType) {
            case 1, 2, 3, 4, 6, 7, 17, 19, 20, 21, 22, 23 -> true;
            default -> false;
        };
    }

    /** Skips GASpecificConfig (14496-3 4.4.1) for a config without a program config element; false if truncated. */
    private static boolean skipGaSpecificConfig(BitReader r, int objectType) throws MalformedMediaException {
        if (r.remaining() < 3) return false;
        r.flag(); // frameLengthFlag
        if (r.flag()) { // dependsOnCoreCoder
            if (r.remaining() < 14) return false;
            r.skip(14); // coreCoderDelay
        }
        boolean extensionFlag = r.remaining() >= 1 && r.flag();
        if (objectType == 6 || objectType == 20) {
            if (r.remaining() < 3) return false;
            r.skip(3); // layerNr
        }
        if (extensionFlag) {
            if (objectType == 22) {
                if (r.remaining() < 16) return false;
                r.skip(16); // numOfSubFrame, layer_length
            }
            if (objectType == 17 || objectType == 19 || objectType == 20 || objectType == 23) {
                if (r.remaining() < 3) return false;
                r.skip(3); // resilience flags
            }
            if (r.remaining() < 1) return false;
            r.skip(1); // extensionFlag3
        }
        return true;
    }

    private static int channelCount(int configuration) {
        return switch (configuration) {
            case 1, 2, 3, 4, 5, 6 -> configuration;
            case 7, 12, 14 -> 8;
            case 11 -> 7;
            case 13 -> 24;
            default -> 0;
        };
    }

    /** The profile as players name it: {@code LC}, {@code HE-AAC}, {@code HE-AACv2}, {@code Main}, ... */
    public String profileName() {
        if (parametricStereo) return "HE-AACv2";
        if (sbr) return "HE-AAC";
        return switch (objectType) {
            case 1 -> "Main";
            case 2 -> "LC";
            case 3 -> "SSR";
            case 4 -> "LTP";
            case 23 -> "LD";
            case 39 -> "ELD";
            case 42 -> "xHE-AAC";
            default -> "Object type " + objectType;
        };
    }
}
