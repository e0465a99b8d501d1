package dev.weir.engine.auth;

import java.util.Map;

/**
 * The stream an RTMP peer names, split from the credentials it appends.
 *
 * <p>Publishers put the token in a query after the stream name: ffmpeg
 * {@code rtmp://host/live/stream1?token=secret123} sends app {@code live} and name {@code stream1?token=secret123};
 * OBS sends the same when the "stream key" field is {@code stream1?token=secret123}. Some tools put the query on
 * the app ({@code rtmp://host/live?token=x/stream1}). Both queries are read (the name's wins) and removed from
 * the stream key, so {@code live/stream1} is what the hub, the stats and the token table see.
 *
 * @param app   the application, without query
 * @param name  the stream name, without query
 * @param query all parameters of both queries
 */
public record RtmpStreamName(String app, String name, Map<String, String> query) {

    public RtmpStreamName {
        query = Map.copyOf(query);
    }

    /** @param app the {@code connect} command's {@code app}; @param publishingName the {@code publish}/{@code play} name */
    public static RtmpStreamName parse(String app, String publishingName) {
        String[] a = splitQuery(app == null ? "" : app);
        String[] n = splitQuery(publishingName == null ? "" : publishingName);
        Map<String, String> params = new java.util.LinkedHashMap<>(QueryString.parse(n[1]));
        QueryString.parse(a[1]).forEach(params::putIfAbsent);
        return new RtmpStreamName(strip(a[0]), strip(n[0]), params);
    }

    /** {@code app/name}, the key of the stream in the hub. */
    public String streamKey() {
        if (app.isEmpty()) return name;
        if (name.isEmpty()) return app;
        return app + "/" + name;
    }

    /** The {@code token} parameter, {@code null} when absent or empty. */
    public String token() {
        String t = query.get("token");
        return t == null || t.isEmpty() ? null : t;
    }

    private static String[] splitQuery(String s) {
        int q = s.indexOf('?');
        return q < 0 ? new String[] {s, ""} : new String[] {s.substring(0, q), s.substring(q + 1)};
    }

    private static String strip(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '/') from++;
        while (to > from && s.charAt(to - 1) == '/') to--;
        return s.substring(from, to);
    }

    /** The query holds the token: the text form leaves it out. */
    @Override
    public String toString() {
        return "RtmpStreamName[" + streamKey() + ", parameters " + query.keySet() + "]";
    }
}
