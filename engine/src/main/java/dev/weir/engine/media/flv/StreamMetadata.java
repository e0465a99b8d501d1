package dev.weir.engine.media.flv;

/**
 * What a publisher announces about its stream in {@code onMetaData}: the fallback for whatever sequence
 * headers do not say (codecs without a parsed configuration, announced bitrates). Unknown numbers are 0,
 * unknown names {@code null}.
 *
 * @param width             {@code width}
 * @param height            {@code height}
 * @param frameRate         {@code framerate} (or {@code videoframerate}, as some encoders write it)
 * @param videoDataRateKbps {@code videodatarate}, kbit/s
 * @param videoCodec        {@code videocodecid} as a codec name: a legacy id (7 = H264) or a FourCC number
 * @param audioDataRateKbps {@code audiodatarate}, kbit/s
 * @param audioSampleRate   {@code audiosamplerate}, Hz
 * @param audioChannels     2 when {@code stereo} is true, 1 when false ({@code audiochannels} wins when present)
 * @param audioCodec        {@code audiocodecid} as a codec name
 * @param encoder           {@code encoder}, e.g. {@code obs-output module (libobs version 30.0.0)}
 */
public record StreamMetadata(
        int width,
        int height,
        double frameRate,
        double videoDataRateKbps,
        String videoCodec,
        double audioDataRateKbps,
        int audioSampleRate,
        int audioChannels,
        String audioCodec,
        String encoder) {

    public static final StreamMetadata NONE = new StreamMetadata(0, 0, 0, 0, null, 0, 0, 0, null, null);

    /** Reads the announced values of an {@code onMetaData} tag; any tag name is accepted. */
    public static StreamMetadata from(FlvScriptTag tag) {
        double frameRate = tag.number("framerate") > 0 ? tag.number("framerate") : tag.number("videoframerate");
        int channels = (int) tag.number("audiochannels");
        if (channels <= 0 && tag.properties().get("stereo") instanceof Boolean stereo) channels = stereo ? 2 : 1;
        return new StreamMetadata(
                nonNegativeInt(tag.number("width")),
                nonNegativeInt(tag.number("height")),
                Math.max(0, finite(frameRate)),
                Math.max(0, finite(tag.number("videodatarate"))),
                videoCodecName(tag.properties().get("videocodecid")),
                Math.max(0, finite(tag.number("audiodatarate"))),
                nonNegativeInt(tag.number("audiosamplerate")),
                Math.max(0, channels),
                audioCodecName(tag.properties().get("audiocodecid")),
                tag.text("encoder"));
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    private static int nonNegativeInt(double v) {
        return v > 0 && v < Integer.MAX_VALUE ? (int) v : 0;
    }

    /** Legacy ids are small numbers; Enhanced RTMP writes the FourCC as a number (or, some encoders, as text). */
    private static String videoCodecName(Object id) {
        if (id instanceof String s) return fromVideoFourCc(s);
        if (!(id instanceof Double d) || d <= 0 || d > 0xFFFFFFFFL) return null;
        long v = d.longValue();
        if (v < 16) {
            VideoCodec c = VideoCodec.fromCodecId((int) v);
            return c == null ? null : c.displayName();
        }
        VideoCodec c = VideoCodec.fromFourCc((int) v);
        return c == null ? null : c.displayName();
    }

    private static String fromVideoFourCc(String s) {
        if (s.length() != 4) return null;
        VideoCodec c = VideoCodec.fromFourCc(fourCc(s));
        return c == null ? null : c.displayName();
    }

    private static String audioCodecName(Object id) {
        if (id instanceof String s) {
            if (s.length() != 4) return null;
            AudioCodec c = AudioCodec.fromFourCc(fourCc(s));
            return c == null ? null : c.displayName();
        }
        if (!(id instanceof Double d) || d < 0 || d > 0xFFFFFFFFL) return null;
        long v = d.longValue();
        AudioCodec c = v < 16 ? AudioCodec.fromSoundFormat((int) v) : AudioCodec.fromFourCc((int) v);
        return c == null ? null : c.displayName();
    }

    private static int fourCc(String s) {
        return (s.charAt(0) & 0xFF) << 24 | (s.charAt(1) & 0xFF) << 16 | (s.charAt(2) & 0xFF) << 8 | (s.charAt(3) & 0xFF);
    }
}
