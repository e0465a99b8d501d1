package dev.weir.engine.hooks;

import dev.weir.engine.json.JsonValue;
import dev.weir.engine.json.JsonValue.JsonNumber;
import dev.weir.engine.json.JsonValue.JsonObject;
import dev.weir.engine.stats.Protocol;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One event for the hooks. Sessions build it where the thing happens and hand it to
 * {@link HookDispatcher#fire}; every sink sees the same fields.
 *
 * @param type          what happened
 * @param time          when
 * @param streamKey     the stream, or {@code null}
 * @param protocol      the peer's protocol, or {@code null}
 * @param remoteAddress {@code host:port} of the peer, or {@code null}
 * @param connectionId  the connection's id, or {@code null}
 * @param extra         event-specific details, e.g. {@code reason} for connection_rejected, {@code path} for
 *                      record_start, {@code destination} and {@code error} for relay_failed. Never secrets.
 */
public record HookEvent(HookEventType type, Instant time, String streamKey, Protocol protocol, String remoteAddress,
                        String connectionId, Map<String, String> extra) {

    public HookEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        extra = extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** An event that happens now. */
    public static HookEvent now(HookEventType type, String streamKey, Protocol protocol, String remoteAddress,
                                String connectionId, Map<String, String> extra) {
        return new HookEvent(type, Instant.now(), streamKey, protocol, remoteAddress, connectionId, extra);
    }

    /**
     * The JSON body of webhooks and of the stdio {@code json} format:
     * <pre>{"type":"publish_start","time":"2026-11-21T05:00:00Z","timestamp":1795237200,"stream_key":"live/test",
     *  "protocol":"rtmp","remote_addr":"127.0.0.1:50000","connection_id":"rtmp-3","data":{...}}</pre>
     * Absent fields are JSON null.
     */
    public JsonObject toJson() {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        m.put("type", JsonValue.of(type.wireName()));
        m.put("time", JsonValue.of(time.toString()));
        m.put("timestamp", JsonNumber.of(time.getEpochSecond()));
        m.put("stream_key", JsonValue.of(streamKey));
        m.put("protocol", JsonValue.of(protocol == null ? null : protocol.name().toLowerCase(Locale.ROOT)));
        m.put("remote_addr", JsonValue.of(remoteAddress));
        m.put("connection_id", JsonValue.of(connectionId));
        Map<String, JsonValue> data = new LinkedHashMap<>();
        extra.forEach((k, v) -> data.put(k, JsonValue.of(v)));
        m.put("data", new JsonObject(data));
        return new JsonObject(m);
    }

    /**
     * The environment of script hooks and the stdio {@code env} format: {@code WEIR_EVENT},
     * {@code WEIR_TIME} (ISO-8601), {@code WEIR_TIMESTAMP} (Unix seconds), {@code WEIR_STREAM_KEY},
     * {@code WEIR_PROTOCOL}, {@code WEIR_REMOTE_ADDR}, {@code WEIR_CONNECTION_ID}, and one {@code WEIR_DATA_<KEY>}
     * per extra detail (key upper-cased, anything but letters and digits turned into {@code _}). Absent fields are
     * left out.
     */
    public Map<String, String> toEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("WEIR_EVENT", type.wireName());
        env.put("WEIR_TIME", time.toString());
        env.put("WEIR_TIMESTAMP", Long.toString(time.getEpochSecond()));
        putIfPresent(env, "WEIR_STREAM_KEY", streamKey);
        putIfPresent(env, "WEIR_PROTOCOL", protocol == null ? null : protocol.name().toLowerCase(Locale.ROOT));
        putIfPresent(env, "WEIR_REMOTE_ADDR", remoteAddress);
        putIfPresent(env, "WEIR_CONNECTION_ID", connectionId);
        extra.forEach((k, v) -> putIfPresent(env, "WEIR_DATA_" + k.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), v));
        return env;
    }

    private static void putIfPresent(Map<String, String> env, String name, String value) {
        if (value != null) env.put(name, value);
    }

    /** For logs: type, stream and connection. */
    public String summary() {
        return type.wireName() + (streamKey == null ? "" : " " + streamKey) + (connectionId == null ? "" : " (" + connectionId + ")");
    }
}
