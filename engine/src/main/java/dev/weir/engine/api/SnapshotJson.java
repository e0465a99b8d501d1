package dev.weir.engine.api;

import dev.weir.engine.json.JsonException;
import dev.weir.engine.json.JsonValue;
import dev.weir.engine.json.JsonValue.JsonArray;
import dev.weir.engine.json.JsonValue.JsonNumber;
import dev.weir.engine.json.JsonValue.JsonObject;
import dev.weir.engine.stats.AudioInfo;
import dev.weir.engine.stats.ConnectionSnapshot;
import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.ListenerSnapshot;
import dev.weir.engine.stats.Protocol;
import dev.weir.engine.stats.RelaySnapshot;
import dev.weir.engine.stats.StreamSnapshot;
import dev.weir.engine.stats.RecordingSnapshot;
import dev.weir.engine.srt.stats.SrtStats;
import dev.weir.engine.stats.VideoInfo;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON form of {@link EngineSnapshot}, written by the API and read back by {@link RemoteStatsSource}. The
 * field names are the API's contract (docs/api.md), spelled out here rather than derived by reflection, so
 * renaming a Java field cannot silently change the API.
 *
 * <p>Exactness: instants are ISO-8601 text, durations ISO-8601 ({@code PT1M2.5S}) with a rounded
 * {@code *_seconds} number beside them for humans and scripts; longs and doubles are written exactly
 * (shortest round-tripping decimal). So {@code read(write(s)).equals(s)} for every snapshot. Enums are lower
 * case. Unknown fields are ignored on reading, so a newer server can add fields.
 */
public final class SnapshotJson {
    private SnapshotJson() {}

    public static JsonObject write(EngineSnapshot s) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("taken_at", JsonValue.of(s.takenAt().toString()));
        m.put("listeners", listeners(s.listeners()));
        m.put("streams", streams(s.streams()));
        m.put("connections", connections(s.connections()));
        m.put("relays", array(s.relays(), SnapshotJson::relay));
        return new JsonObject(m);
    }

    public static JsonArray listeners(List<ListenerSnapshot> list) {
        return array(list, SnapshotJson::listener);
    }

    public static JsonArray streams(List<StreamSnapshot> list) {
        return array(list, SnapshotJson::stream);
    }

    public static JsonArray connections(List<ConnectionSnapshot> list) {
        return array(list, SnapshotJson::connection);
    }

    private static <T> JsonArray array(List<T> list, Function<T, JsonObject> one) {
        List<JsonValue> out = new ArrayList<>(list.size());
        for (T t : list) out.add(one.apply(t));
        return new JsonArray(out);
    }

    static JsonObject relay(RelaySnapshot r) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("stream_key", JsonValue.of(r.streamKey()));
        m.put("destination", JsonValue.of(r.destination()));
        m.put("state", enumValue(r.state()));
        m.put("bytes_sent", JsonNumber.of(r.bytesSent()));
        m.put("bitrate", JsonNumber.of(r.bitrate()));
        m.put("reconnects", JsonNumber.of(r.reconnects()));
        m.put("last_error", JsonValue.of(r.lastError()));
        return new JsonObject(m);
    }

    static JsonObject listener(ListenerSnapshot l) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("id", JsonValue.of(l.id()));
        m.put("protocol", enumValue(l.protocol()));
        m.put("address", JsonValue.of(l.address()));
        m.put("state", enumValue(l.state()));
        m.put("last_error", JsonValue.of(l.lastError()));
        m.put("connections", JsonNumber.of(l.connections()));
        m.put("accepted", JsonNumber.of(l.accepted()));
        m.put("rejected", JsonNumber.of(l.rejected()));
        return new JsonObject(m);
    }

    static JsonObject stream(StreamSnapshot s) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("key", JsonValue.of(s.key()));
        m.put("protocol", enumValue(s.protocol()));
        m.put("publisher_address", JsonValue.of(s.publisherAddress()));
        m.put("state", enumValue(s.state()));
        putDuration(m, "uptime", s.uptime());
        m.put("bytes_in", JsonNumber.of(s.bytesIn()));
        m.put("bitrate_in", JsonNumber.of(s.bitrateIn()));
        m.put("bytes_out", JsonNumber.of(s.bytesOut()));
        m.put("bitrate_out", JsonNumber.of(s.bitrateOut()));
        m.put("video", video(s.video()));
        m.put("audio", audio(s.audio()));
        m.put("keyframe_interval_seconds", real(s.keyframeIntervalSec()));
        m.put("players", JsonNumber.of(s.players()));
        m.put("dropped_messages", JsonNumber.of(s.droppedMessages()));
        m.put("slow_player_disconnects", JsonNumber.of(s.slowPlayerDisconnects()));
        m.put("ts_continuity_errors", JsonNumber.of(s.tsContinuityErrors()));
        m.put("recording", recording(s.recording()));
        return new JsonObject(m);
    }

    private static JsonValue recording(RecordingSnapshot r) {
        if (r == null) return JsonValue.JsonNull.INSTANCE;
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("state", enumValue(r.state()));
        m.put("file", JsonValue.of(r.file()));
        m.put("format", JsonValue.of(r.format()));
        m.put("bytes", JsonNumber.of(r.bytes()));
        putDuration(m, "duration", r.duration());
        m.put("last_error", JsonValue.of(r.lastError()));
        return new JsonObject(m);
    }

    /** The SRT figures an operator looks at; the full {@code SrtStats} stays in the engine (not read back). */
    private static JsonValue srt(SrtStats st) {
        if (st == null) return JsonValue.JsonNull.INSTANCE;
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("rtt_ms", real(st.instant().msRTT()));
        m.put("bandwidth_mbps", real(st.instant().mbpsBandwidth()));
        m.put("send_rate_mbps", real(st.interval().mbpsSendRate()));
        m.put("recv_rate_mbps", real(st.interval().mbpsRecvRate()));
        m.put("pkt_sent", JsonNumber.of(st.total().pktSent()));
        m.put("pkt_recv", JsonNumber.of(st.total().pktRecv()));
        m.put("pkt_snd_loss", JsonNumber.of(st.total().pktSndLoss()));
        m.put("pkt_rcv_loss", JsonNumber.of(st.total().pktRcvLoss()));
        m.put("pkt_retrans", JsonNumber.of(st.total().pktRetrans()));
        m.put("pkt_snd_drop", JsonNumber.of(st.total().pktSndDrop()));
        m.put("pkt_rcv_drop", JsonNumber.of(st.total().pktRcvDrop()));
        m.put("ms_rcv_buf", JsonNumber.of(st.instant().msRcvBuf()));
        m.put("encrypted", new JsonValue.JsonBoolean(st.keys().encrypted()));
        m.put("key_length", JsonNumber.of(st.keys().keyLength()));
        return new JsonObject(m);
    }

    static JsonObject connection(ConnectionSnapshot c) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("id", JsonValue.of(c.id()));
        m.put("protocol", enumValue(c.protocol()));
        m.put("listener_id", JsonValue.of(c.listenerId()));
        m.put("remote_address", JsonValue.of(c.remoteAddress()));
        m.put("role", enumValue(c.role()));
        m.put("state", enumValue(c.state()));
        m.put("stream_key", JsonValue.of(c.streamKey()));
        putDuration(m, "uptime", c.uptime());
        m.put("bytes_in", JsonNumber.of(c.bytesIn()));
        m.put("bytes_out", JsonNumber.of(c.bytesOut()));
        m.put("bitrate_in", JsonNumber.of(c.bitrateIn()));
        m.put("bitrate_out", JsonNumber.of(c.bitrateOut()));
        m.put("dropped_messages", JsonNumber.of(c.droppedMessages()));
        m.put("srt", srt(c.srt()));
        return new JsonObject(m);
    }

    private static JsonValue video(VideoInfo v) {
        if (v == null) return JsonValue.JsonNull.INSTANCE;
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("codec", JsonValue.of(v.codec()));
        m.put("profile", JsonValue.of(v.profile()));
        m.put("level", JsonValue.of(v.level()));
        m.put("width", JsonNumber.of(v.width()));
        m.put("height", JsonNumber.of(v.height()));
        m.put("fps", real(v.fps()));
        return new JsonObject(m);
    }

    private static JsonValue audio(AudioInfo a) {
        if (a == null) return JsonValue.JsonNull.INSTANCE;
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("codec", JsonValue.of(a.codec()));
        m.put("profile", JsonValue.of(a.profile()));
        m.put("sample_rate", JsonNumber.of(a.sampleRate()));
        m.put("channels", JsonNumber.of(a.channels()));
        return new JsonObject(m);
    }

    private static void putDuration(Map<String, JsonValue> m, String name, Duration d) {
        m.put(name, JsonValue.of(d == null ? null : d.toString()));
        m.put(name + "_seconds", d == null ? JsonValue.JsonNull.INSTANCE : JsonNumber.of(d.toMillis() / 1000.0));
    }

    /** JSON has no NaN or infinity: those are written as null and read back as NaN. */
    private static JsonValue real(double d) {
        return Double.isFinite(d) ? JsonNumber.of(d) : JsonValue.JsonNull.INSTANCE;
    }

    private static double real(JsonObject o, String name) {
        if (o.get(name) instanceof JsonValue.JsonNull) return Double.NaN;
        double d = o.doubleValue(name);
        if (!Double.isFinite(d)) return Double.NaN; // 1e999: as unknown as null
        return d == 0 ? 0.0 : d; // no -0.0, which JSON numbers cannot keep apart from 0
    }

    private static JsonValue enumValue(Enum<?> e) {
        return JsonValue.of(e == null ? null : e.name().toLowerCase(Locale.ROOT));
    }

    // ---- reading ----

    /** @throws JsonException when a field is missing or has the wrong type; the message names it */
    public static EngineSnapshot read(JsonObject o) {
        return new EngineSnapshot(
                instant(o, "taken_at"),
                list(o, "listeners", SnapshotJson::readListener),
                list(o, "streams", SnapshotJson::readStream),
                list(o, "connections", SnapshotJson::readConnection),
                o.get("relays") == null ? List.of() : list(o, "relays", SnapshotJson::readRelay)); // absent before relays existed
    }

    static RelaySnapshot readRelay(JsonObject o) {
        return new RelaySnapshot(o.string("stream_key"), o.string("destination"), enumOf(o, "state", RelaySnapshot.State.class),
                o.longValue("bytes_sent"), o.longValue("bitrate"), o.longValue("reconnects"), o.string("last_error"));
    }

    private static <T> List<T> list(JsonObject o, String name, Function<JsonObject, T> one) {
        List<T> out = new ArrayList<>();
        int i = 0;
        for (JsonValue v : o.array(name)) {
            if (!(v instanceof JsonObject e)) throw new JsonException(name + "[" + i + "] must be an object, found " + v.typeName());
            try {
                out.add(one.apply(e));
            } catch (JsonException bad) {
                throw new JsonException(name + "[" + i + "]: " + bad.getMessage());
            }
            i++;
        }
        return out;
    }

    static ListenerSnapshot readListener(JsonObject o) {
        return new ListenerSnapshot(o.string("id"), enumOf(o, "protocol", Protocol.class), o.string("address"),
                enumOf(o, "state", ListenerSnapshot.ListenerState.class), o.string("last_error"),
                o.intValue("connections"), o.longValue("accepted"), o.longValue("rejected"));
    }

    static StreamSnapshot readStream(JsonObject o) {
        return new StreamSnapshot(o.string("key"), enumOf(o, "protocol", Protocol.class), o.string("publisher_address"),
                enumOf(o, "state", StreamSnapshot.StreamState.class), duration(o, "uptime"),
                o.longValue("bytes_in"), o.longValue("bitrate_in"), o.longValue("bytes_out"), o.longValue("bitrate_out"),
                readVideo(o.object("video")), readAudio(o.object("audio")), real(o, "keyframe_interval_seconds"),
                o.intValue("players"), o.longValue("dropped_messages"), o.longValue("slow_player_disconnects"),
                o.has("ts_continuity_errors") ? o.longValue("ts_continuity_errors") : 0,
                o.has("recording") ? readRecording(o.object("recording")) : null);
    }

    private static RecordingSnapshot readRecording(JsonObject o) {
        if (o == null) return null;
        return new RecordingSnapshot(enumOf(o, "state", RecordingSnapshot.State.class), o.string("file"),
                o.string("format"), o.longValue("bytes"), duration(o, "duration"), o.string("last_error"));
    }

    static ConnectionSnapshot readConnection(JsonObject o) {
        return new ConnectionSnapshot(o.string("id"), enumOf(o, "protocol", Protocol.class), o.string("listener_id"),
                o.string("remote_address"), enumOf(o, "role", ConnectionSnapshot.Role.class),
                enumOf(o, "state", ConnectionSnapshot.State.class), o.string("stream_key"), duration(o, "uptime"),
                o.longValue("bytes_in"), o.longValue("bytes_out"), o.longValue("bitrate_in"), o.longValue("bitrate_out"),
                o.longValue("dropped_messages"));
    }

    private static VideoInfo readVideo(JsonObject o) {
        if (o == null) return null;
        return new VideoInfo(o.string("codec"), o.string("profile"), o.string("level"), o.intValue("width"),
                o.intValue("height"), real(o, "fps"));
    }

    private static AudioInfo readAudio(JsonObject o) {
        if (o == null) return null;
        return new AudioInfo(o.string("codec"), o.string("profile"), o.intValue("sample_rate"), o.intValue("channels"));
    }

    private static Instant instant(JsonObject o, String name) {
        String text = o.string(name);
        if (text == null) throw new JsonException("field '" + name + "' is missing");
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new JsonException("field '" + name + "' is not an ISO-8601 instant: " + text);
        }
    }

    private static Duration duration(JsonObject o, String name) {
        String text = o.string(name);
        if (text == null) return null;
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new JsonException("field '" + name + "' is not an ISO-8601 duration: " + text);
        }
    }

    private static <E extends Enum<E>> E enumOf(JsonObject o, String name, Class<E> type) {
        String text = o.string(name);
        if (text == null) return null;
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new JsonException("field '" + name + "' has unknown value '" + text + "'");
        }
    }
}
