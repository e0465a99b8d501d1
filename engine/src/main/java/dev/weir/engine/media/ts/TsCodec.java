package dev.weir.engine.media.ts;

/**
 * What an elementary stream carries, from its PMT stream_type and descriptors. Weir converts the first four;
 * the rest are recognised so they can be counted and skipped with one clear warning.
 */
public enum TsCodec {
    H264(true), H265(true), AAC_ADTS(false), MPEG_AUDIO(false), OPUS(false), AC3(false), EAC3(false),
    /** Private data, metadata, subtitles and everything else: not reassembled. */
    OTHER(false);

    private final boolean video;

    TsCodec(boolean video) {
        this.video = video;
    }

    public boolean isVideo() {
        return video;
    }

    public boolean isAudio() {
        return !video && this != OTHER;
    }
}
