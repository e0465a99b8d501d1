package dev.weir.engine.config;

/**
 * The one configuration model: the console's forms, the JSON file ({@code weir server -config}) and the
 * {@code weir server} flags all read and write this.
 *
 * <p>JSON shape (app's {@code ConfigFile}): {@code {"rtmp": {...}, "limits": {...}, "srt": {"listen": ":10080",
 * "latencyMs": 120, "passphrase": null, "pbkeylen": 16}, "recording": {"dir": "recordings", "recordAll": false}}}.
 * Access control, hooks, metrics, RTMPS and relays ({@code auth}, {@code hooks}, {@code metrics}, {@code tls},
 * {@code relay}) default to off; see docs/operations.md.
 */
public record EngineConfig(RtmpSettings rtmp, Limits limits, SrtSettings srt, RecordingSettings recording,
                           AuthSettings auth, HookSettings hooks, MetricsSettings metrics, TlsSettings tls,
                           RelaySettings relay) {
    public static final EngineConfig DEFAULTS = new EngineConfig(RtmpSettings.DEFAULTS, Limits.DEFAULTS,
            SrtSettings.DEFAULTS, RecordingSettings.DEFAULTS);

    public EngineConfig {
        if (rtmp == null) rtmp = RtmpSettings.DEFAULTS;
        if (limits == null) limits = Limits.DEFAULTS;
        if (srt == null) srt = SrtSettings.DEFAULTS;
        if (recording == null) recording = RecordingSettings.DEFAULTS;
        if (auth == null) auth = AuthSettings.DEFAULTS;
        if (hooks == null) hooks = HookSettings.DEFAULTS;
        if (metrics == null) metrics = MetricsSettings.DEFAULTS;
        if (tls == null) tls = TlsSettings.DEFAULTS;
        if (relay == null) relay = RelaySettings.DEFAULTS;
    }

    /** Protocol settings only; access control, hooks, metrics, RTMPS and relays off. */
    public EngineConfig(RtmpSettings rtmp, Limits limits, SrtSettings srt, RecordingSettings recording) {
        this(rtmp, limits, srt, recording, null, null, null, null, null);
    }

    public EngineConfig withRtmp(RtmpSettings r) {
        return new EngineConfig(r, limits, srt, recording, auth, hooks, metrics, tls, relay);
    }

    public EngineConfig withLimits(Limits l) {
        return new EngineConfig(rtmp, l, srt, recording, auth, hooks, metrics, tls, relay);
    }

    public EngineConfig withSrt(SrtSettings s) {
        return new EngineConfig(rtmp, limits, s, recording, auth, hooks, metrics, tls, relay);
    }

    public EngineConfig withRecording(RecordingSettings r) {
        return new EngineConfig(rtmp, limits, srt, r, auth, hooks, metrics, tls, relay);
    }

    public EngineConfig withAuth(AuthSettings a) {
        return new EngineConfig(rtmp, limits, srt, recording, a, hooks, metrics, tls, relay);
    }

    public EngineConfig withHooks(HookSettings h) {
        return new EngineConfig(rtmp, limits, srt, recording, auth, h, metrics, tls, relay);
    }

    public EngineConfig withMetrics(MetricsSettings m) {
        return new EngineConfig(rtmp, limits, srt, recording, auth, hooks, m, tls, relay);
    }

    public EngineConfig withTls(TlsSettings t) {
        return new EngineConfig(rtmp, limits, srt, recording, auth, hooks, metrics, t, relay);
    }

    public EngineConfig withRelay(RelaySettings r) {
        return new EngineConfig(rtmp, limits, srt, recording, auth, hooks, metrics, tls, r);
    }
}
