package dev.weir.engine.config;

/**
 * The one configuration model: the console's forms, the JSON file ({@code weir server -config}) and the
 * {@code weir server} flags all read and write this. Later issues add SRT, recording, relays and auth here.
 */
public record EngineConfig(RtmpSettings rtmp, Limits limits) {
    public static final EngineConfig DEFAULTS = new EngineConfig(RtmpSettings.DEFAULTS, Limits.DEFAULTS);

    public EngineConfig {
        if (rtmp == null) rtmp = RtmpSettings.DEFAULTS;
        if (limits == null) limits = Limits.DEFAULTS;
    }

    public EngineConfig withRtmp(RtmpSettings r) {
        return new EngineConfig(r, limits);
    }
}
