package dev.weir.engine.stats;

/**
 * What the engine learned of an audio track.
 *
 * @param codec      {@code AAC}, {@code MP3}, {@code Opus}, ...; {@code null} when unknown
 * @param profile    e.g. {@code LC}
 * @param sampleRate Hz, 0 when unknown
 * @param channels   0 when unknown
 */
public record AudioInfo(String codec, String profile, int sampleRate, int channels) {
    public static final AudioInfo NONE = new AudioInfo(null, null, 0, 0);
}
