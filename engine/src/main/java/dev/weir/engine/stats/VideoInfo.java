package dev.weir.engine.stats;

/**
 * What the engine learned of a video track from its sequence header and frames.
 * Unknown numbers are 0, unknown strings {@code null}.
 *
 * @param codec   short codec name: {@code H264}, {@code H265}, {@code AV1}, {@code VP9}, ...
 * @param profile profile name as players show it, e.g. {@code High}
 * @param level   level as text, e.g. {@code 4.1}
 * @param width   pixels
 * @param height  pixels
 * @param fps     frames per second measured over the last seconds (or announced when not measured yet)
 */
public record VideoInfo(String codec, String profile, String level, int width, int height, double fps) {
    public static final VideoInfo NONE = new VideoInfo(null, null, null, 0, 0, 0);
}
