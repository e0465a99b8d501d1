package dev.weir.engine.media.flv;

/** Video codecs an FLV tag can name: the legacy 4-bit CodecID or an Enhanced RTMP FourCC. */
public enum VideoCodec {
    SORENSON_H263("H263"),
    SCREEN_VIDEO("Screen"),
    VP6("VP6"),
    VP6_ALPHA("VP6A"),
    SCREEN_VIDEO_2("Screen2"),
    AVC("H264"),
    HEVC("H265"),
    AV1("AV1"),
    VP8("VP8"),
    VP9("VP9"),
    /** Named by an Enhanced RTMP command frame or ManyTracksManyCodecs multitrack header: no single codec. */
    UNSPECIFIED(null);

    private final String displayName;

    VideoCodec(String displayName) {
        this.displayName = displayName;
    }

    /** The short name operators know it by ({@code H264}, {@code H265}, ...), {@code null} when unspecified. */
    public String displayName() {
        return displayName;
    }

    /** Legacy CodecID (low nibble of the first byte), or {@code null} for an id FLV does not define. */
    static VideoCodec fromCodecId(int id) {
        return switch (id) {
            case 2 -> SORENSON_H263;
            case 3 -> SCREEN_VIDEO;
            case 4 -> VP6;
            case 5 -> VP6_ALPHA;
            case 6 -> SCREEN_VIDEO_2;
            case 7 -> AVC;
            case 12 -> HEVC; // not in Adobe's table; the pre-Enhanced-RTMP HEVC extension used by Chinese CDNs and OBS forks
            default -> null;
        };
    }

    /** Enhanced RTMP video FourCC as a big-endian int, or {@code null} when unknown. */
    static VideoCodec fromFourCc(int fourCc) {
        return switch (fourCc) {
            case 0x61766331 -> AVC;  // avc1
            case 0x68766331 -> HEVC; // hvc1
            case 0x61763031 -> AV1;  // av01
            case 0x76703038 -> VP8;  // vp08
            case 0x76703039 -> VP9;  // vp09
            default -> null;
        };
    }

    /** True for codecs whose legacy tag carries an AVCPacketType byte and a composition time. */
    boolean hasLegacyPacketHeader() {
        return this == AVC || this == HEVC;
    }
}
