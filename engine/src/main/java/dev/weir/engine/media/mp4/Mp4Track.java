package dev.weir.engine.media.mp4;

/**
 * One track of the recording as the {@code moov} describes it.
 *
 * @param id           track_ID (1-based)
 * @param kind         video or audio
 * @param sampleEntry  four-character code of the sample entry ({@code avc1}, {@code hvc1}, {@code av01},
 *                     {@code vp09}, {@code mp4a})
 * @param configBox    four-character code of the configuration box inside it ({@code avcC}, ..., {@code esds})
 * @param config       the configuration record that goes into that box
 * @param timescale    ticks per second of this track's timestamps (90000 for video, the sample rate for audio)
 * @param width        video width in pixels (0 when unknown)
 * @param height       video height in pixels
 * @param channels     audio channel count
 * @param sampleRate   audio sample rate in Hz
 */
public record Mp4Track(int id, Kind kind, String sampleEntry, String configBox, byte[] config, int timescale,
                       int width, int height, int channels, int sampleRate) {

    public enum Kind { VIDEO, AUDIO }

    public static Mp4Track video(int id, String sampleEntry, String configBox, byte[] config, int width, int height) {
        return new Mp4Track(id, Kind.VIDEO, sampleEntry, configBox, config, 90_000, width, height, 0, 0);
    }

    public static Mp4Track aac(int id, byte[] audioSpecificConfig, int channels, int sampleRate) {
        return new Mp4Track(id, Kind.AUDIO, "mp4a", "esds", audioSpecificConfig, sampleRate, 0, 0, channels,
                sampleRate);
    }
}
