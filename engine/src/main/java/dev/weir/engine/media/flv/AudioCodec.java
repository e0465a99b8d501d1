package dev.weir.engine.media.flv;

/** Audio codecs an FLV tag can name: the legacy 4-bit SoundFormat or an Enhanced RTMP FourCC. */
public enum AudioCodec {
    PCM("PCM"),
    ADPCM("ADPCM"),
    MP3("MP3"),
    PCM_LE("PCM"),
    NELLYMOSER_16K("Nellymoser"),
    NELLYMOSER_8K("Nellymoser"),
    NELLYMOSER("Nellymoser"),
    G711_ALAW("G.711 A-law"),
    G711_MULAW("G.711 mu-law"),
    AAC("AAC"),
    SPEEX("Speex"),
    MP3_8K("MP3"),
    DEVICE_SPECIFIC("Device"),
    AC3("AC-3"),
    EAC3("E-AC-3"),
    OPUS("Opus"),
    FLAC("FLAC"),
    /** Named by a ManyTracksManyCodecs multitrack header: no single codec. */
    UNSPECIFIED(null);

    static final int SOUND_FORMAT_EX_HEADER = 9;

    private final String displayName;

    AudioCodec(String displayName) {
        this.displayName = displayName;
    }

    /** The name operators know it by, {@code null} when unspecified. */
    public String displayName() {
        return displayName;
    }

    /** Legacy SoundFormat (high nibble); {@code null} for 9 (the Enhanced RTMP marker) and undefined 12, 13. */
    static AudioCodec fromSoundFormat(int format) {
        return switch (format) {
            case 0 -> PCM;
            case 1 -> ADPCM;
            case 2 -> MP3;
            case 3 -> PCM_LE;
            case 4 -> NELLYMOSER_16K;
            case 5 -> NELLYMOSER_8K;
            case 6 -> NELLYMOSER;
            case 7 -> G711_ALAW;
            case 8 -> G711_MULAW;
            case 10 -> AAC;
            case 11 -> SPEEX;
            case 14 -> MP3_8K;
            case 15 -> DEVICE_SPECIFIC;
            default -> null;
        };
    }

    /** Enhanced RTMP audio FourCC as a big-endian int, or {@code null} when unknown. */
    static AudioCodec fromFourCc(int fourCc) {
        return switch (fourCc) {
            case 0x61632d33 -> AC3;  // ac-3
            case 0x65632d33 -> EAC3; // ec-3
            case 0x4f707573 -> OPUS; // Opus
            case 0x2e6d7033 -> MP3;  // .mp3
            case 0x664c6143 -> FLAC; // fLaC
            case 0x6d703461 -> AAC;  // mp4a
            default -> null;
        };
    }
}
