package dev.weir.engine.hub;

/**
 * The name a stream is published and played under: RTMP's {@code app} and stream name, SRT's
 * {@code publish:app/name}. Shared across protocols.
 */
public record StreamKey(String app, String name) {
    public StreamKey {
        if (app == null || app.isEmpty() || name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a stream key needs an app and a name, as in live/test");
        }
    }

    /** Parses {@code app/name} (a leading slash is allowed; the name may itself contain slashes). */
    public static StreamKey parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.startsWith("/")) s = s.substring(1);
        int slash = s.indexOf('/');
        if (slash <= 0 || slash == s.length() - 1) {
            throw new IllegalArgumentException("stream key '" + text + "' must look like app/name, as in live/test");
        }
        return new StreamKey(s.substring(0, slash), s.substring(slash + 1));
    }

    @Override
    public String toString() {
        return app + "/" + name;
    }
}
