package dev.weir.engine.api;

import dev.weir.engine.api.PrometheusText.Type;
import dev.weir.engine.stats.ConnectionSnapshot;
import dev.weir.engine.stats.EngineSnapshot;
import dev.weir.engine.stats.ListenerSnapshot;
import dev.weir.engine.stats.RelaySnapshot;
import dev.weir.engine.stats.Protocol;
import dev.weir.engine.stats.StreamSnapshot;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Turns an {@link EngineSnapshot} into {@code weir_*} metrics: the same numbers the console shows, so a
 * dashboard and the console never disagree. Labels: {@code listener}, {@code protocol}, {@code stream}.
 * Connections are aggregated (per listener, protocol and role) rather than labelled by id, which would give
 * Prometheus a new series for every connection; per-connection detail is in {@code /api/v1/connections}.
 */
public final class EngineMetrics {
    private EngineMetrics() {}

    public static void write(EngineSnapshot s, PrometheusText out) {
        out.family("weir_snapshot_timestamp_seconds", Type.GAUGE, "When the engine took the snapshot these metrics come from (Unix time).")
                .sample(s.takenAt().toEpochMilli() / 1000.0);
        listeners(s.listeners(), out);
        streams(s.streams(), out);
        connections(s.connections(), out);
        relays(s.relays(), out);
    }

    /** Relays are few and long-lived (one per stream and destination), so each is its own series. */
    private static void relays(List<RelaySnapshot> rs, PrometheusText out) {
        out.family("weir_relay_running", Type.GAUGE, "1 while the relay is sending to its destination, 0 while connecting or waiting to retry.");
        for (RelaySnapshot r : rs) out.sample(r.state() == RelaySnapshot.State.RUNNING ? 1 : 0, labels(r));
        out.family("weir_relay_sent_bytes_total", Type.COUNTER, "Bytes the relay sent to its destination.");
        for (RelaySnapshot r : rs) out.sample(r.bytesSent(), labels(r));
        out.family("weir_relay_send_bytes_per_second", Type.GAUGE, "Relay send rate, last second or so.");
        for (RelaySnapshot r : rs) out.sample(r.bitrate() / 8.0, labels(r));
        out.family("weir_relay_reconnects_total", Type.COUNTER, "Connections the relay made after its first one.");
        for (RelaySnapshot r : rs) out.sample(r.reconnects(), labels(r));
    }

    private static String[] labels(RelaySnapshot r) {
        return new String[] {"stream", r.streamKey(), "destination", r.destination()};
    }

    private static void listeners(List<ListenerSnapshot> ls, PrometheusText out) {
        out.family("weir_listener_up", Type.GAUGE, "1 when the listener is running, 0 when starting, stopped or failed.");
        for (ListenerSnapshot l : ls) out.sample(l.state() == ListenerSnapshot.ListenerState.RUNNING ? 1 : 0, labels(l));
        listenerLong(ls, out, "weir_listener_connections", Type.GAUGE, "Connections open on the listener.", ListenerSnapshot::connections);
        listenerLong(ls, out, "weir_listener_accepted_connections_total", Type.COUNTER, "Connections accepted since the listener started.", ListenerSnapshot::accepted);
        listenerLong(ls, out, "weir_listener_rejected_connections_total", Type.COUNTER,
                "Connection attempts refused (limits, access control, bad handshakes) since the listener started.", ListenerSnapshot::rejected);
    }

    private static void listenerLong(List<ListenerSnapshot> ls, PrometheusText out, String name, Type type, String help,
                                     ToLongFunction<ListenerSnapshot> f) {
        out.family(name, type, help);
        for (ListenerSnapshot l : ls) out.sample(f.applyAsLong(l), labels(l));
    }

    private static String[] labels(ListenerSnapshot l) {
        return new String[] {"listener", l.id(), "protocol", protocol(l.protocol())};
    }

    private static void streams(List<StreamSnapshot> ss, PrometheusText out) {
        out.family("weir_streams", Type.GAUGE, "Streams known to the hub, by state.");
        long publishing = ss.stream().filter(s -> s.state() == StreamSnapshot.StreamState.PUBLISHING).count();
        out.sample(publishing, "state", "publishing").sample(ss.size() - publishing, "state", "idle");

        out.family("weir_stream_publishing", Type.GAUGE, "1 while the stream has a publisher.");
        for (StreamSnapshot s : ss) out.sample(s.state() == StreamSnapshot.StreamState.PUBLISHING ? 1 : 0, labels(s));
        streamLong(ss, out, "weir_stream_players", Type.GAUGE, "Players attached to the stream.", StreamSnapshot::players);
        streamLong(ss, out, "weir_stream_received_bytes_total", Type.COUNTER, "Media bytes received from the stream's publishers.", StreamSnapshot::bytesIn);
        streamLong(ss, out, "weir_stream_sent_bytes_total", Type.COUNTER, "Media bytes sent to the stream's players.", StreamSnapshot::bytesOut);
        // Prometheus wants base units: bytes, so the console's bits per second are divided by 8.
        streamDouble(ss, out, "weir_stream_receive_bytes_per_second", "Bytes per second received, over the last second or so.",
                s -> s.bitrateIn() / 8.0);
        streamDouble(ss, out, "weir_stream_send_bytes_per_second", "Bytes per second sent to all players, over the last second or so.",
                s -> s.bitrateOut() / 8.0);
        streamLong(ss, out, "weir_stream_dropped_messages_total", Type.COUNTER, "Media messages not delivered to slow players.", StreamSnapshot::droppedMessages);
        streamLong(ss, out, "weir_stream_slow_player_disconnects_total", Type.COUNTER, "Players disconnected because they could not keep up.", StreamSnapshot::slowPlayerDisconnects);
        streamDouble(ss, out, "weir_stream_uptime_seconds", "Time since the current publisher started.",
                s -> s.uptime() == null ? 0 : s.uptime().toMillis() / 1000.0);
        streamDouble(ss, out, "weir_stream_video_frames_per_second", "Measured video frame rate.",
                s -> s.video() == null ? 0 : s.video().fps());
        streamDouble(ss, out, "weir_stream_keyframe_interval_seconds", "Seconds between the last two keyframes (0 when unknown).",
                StreamSnapshot::keyframeIntervalSec);

        out.family("weir_stream_info", Type.GAUGE, "Codecs and picture size of the stream (always 1; the labels carry the data).");
        for (StreamSnapshot s : ss) {
            var v = s.video();
            var a = s.audio();
            out.sample(1, "stream", s.key(), "protocol", protocol(s.protocol()),
                    "video_codec", v == null ? "" : v.codec(), "video_profile", v == null ? "" : v.profile(),
                    "width", v == null || v.width() == 0 ? "" : Integer.toString(v.width()),
                    "height", v == null || v.height() == 0 ? "" : Integer.toString(v.height()),
                    "audio_codec", a == null ? "" : a.codec(),
                    "audio_sample_rate", a == null || a.sampleRate() == 0 ? "" : Integer.toString(a.sampleRate()));
        }
    }

    private static void streamLong(List<StreamSnapshot> ss, PrometheusText out, String name, Type type, String help,
                                   ToLongFunction<StreamSnapshot> f) {
        out.family(name, type, help);
        for (StreamSnapshot s : ss) out.sample(f.applyAsLong(s), labels(s));
    }

    private static void streamDouble(List<StreamSnapshot> ss, PrometheusText out, String name, String help,
                                     ToDoubleFunction<StreamSnapshot> f) {
        out.family(name, Type.GAUGE, help);
        for (StreamSnapshot s : ss) out.sample(f.applyAsDouble(s), labels(s));
    }

    private static String[] labels(StreamSnapshot s) {
        return new String[] {"stream", s.key(), "protocol", protocol(s.protocol())};
    }

    private static void connections(List<ConnectionSnapshot> cs, PrometheusText out) {
        Map<List<String>, Long> counts = new TreeMap<>((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
        for (ConnectionSnapshot c : cs) {
            List<String> key = List.of(c.listenerId() == null ? "" : c.listenerId(), protocol(c.protocol()), lower(c.role()));
            counts.merge(key, 1L, Long::sum);
        }
        out.family("weir_connections", Type.GAUGE, "Connections open now, by listener, protocol and role.");
        for (Map.Entry<List<String>, Long> g : counts.entrySet()) {
            out.sample(g.getValue().longValue(), "listener", g.getKey().get(0), "protocol", g.getKey().get(1), "role", g.getKey().get(2));
        }
    }

    private static String protocol(Protocol p) {
        return lower(p);
    }

    private static String lower(Enum<?> e) {
        return e == null ? "" : e.name().toLowerCase(Locale.ROOT);
    }
}
