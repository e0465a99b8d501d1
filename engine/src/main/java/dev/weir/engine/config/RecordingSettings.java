package dev.weir.engine.config;

/**
 * Where recordings go and whether every stream is recorded ({@code weir server -record-dir}, {@code -record-all};
 * JSON {@code "recording"}).
 *
 * @param dir       directory for recordings (created when missing); relative paths are against the working directory
 * @param recordAll start a recording for every stream as soon as it is published
 */
public record RecordingSettings(String dir, boolean recordAll) {
    public static final RecordingSettings DEFAULTS = new RecordingSettings("recordings", false);

    public RecordingSettings {
        if (dir == null || dir.isBlank()) dir = DEFAULTS_DIR;
    }

    private static final String DEFAULTS_DIR = "recordings";
}
