package dev.weir.engine.config;

/**
 * The one configuration model: the console's forms, the JSON file ({@code weir server -config}) and the
 * {@code weir server} flags all read and write this. Later issues add relays and auth here.
 *
 * <p>JSON shape (app's {@code ConfigFile}): {@code {"rtmp": {...}, "limits": {...}, "srt": {"listen": ":10080",
 * "latencyMs": 120, "passphrase": null, "pbkeylen": 16}, "recording": {"dir": "recordings", "recordAll": false}}}.
 */
public record EngineConfig(RtmpSettings rtmp, Limits limits, SrtSettings srt, RecordingSettings recording) {
    public static final EngineConfig DEFAULTS = new EngineConfig(RtmpSettings.DEFAULTS, Limits.DEFAULTS,
            SrtSettings.DEFAULTS, RecordingSettings.DEFAULTS);

    public EngineConfig {
        if (rtmp == null) rtmp = RtmpSettings.DEFAULTS;
        if (limits == null) limits = Limits.DEFAULTS;
        if (srt == null) srt = SrtSettings.DEFAULTS;
        if (recording == null) recording = RecordingSettings.DEFAULTS;
    }

    public EngineConfig withRtmp(RtmpSettings r) {
        return new EngineConfig(r, limits, srt, recording);
    }

    public EngineConfig withLimits(Limits l) {
        return new EngineConfig(rtmp, l, srt, recording);
    }

    public EngineConfig withSrt(SrtSettings s) {
        return new EngineConfig(rtmp, limits, s, recording);
    }

    public EngineConfig withRecording(RecordingSettings r) {
        return new EngineConfig(rtmp, limits, srt, r);
    }
}
