package dev.weir.engine.rtmp.client;

import dev.weir.engine.rtmp.message.Command;

import java.util.Map;

/**
 * What a server said in the information object of an {@code onStatus} or an {@code _error} reply:
 * {@code level} ({@code status}, {@code warning}, {@code error}), {@code code}
 * ({@code NetStream.Play.StreamNotFound}, {@code NetConnection.Connect.Rejected}, ...) and its free-text
 * {@code description}. Fields the server left out are {@code null}.
 */
public record RtmpStatus(String level, String code, String description) {

    /** The information object of {@code command}: its first argument that is an object, else all fields null. */
    public static RtmpStatus of(Command command) {
        for (Object a : command.arguments()) {
            if (a instanceof Map<?, ?> info) {
                return new RtmpStatus(text(info.get("level")), text(info.get("code")), text(info.get("description")));
            }
        }
        return new RtmpStatus(null, null, null);
    }

    public boolean isError() {
        return "error".equals(level);
    }

    /** {@code code (description)}, or what the server left of that. */
    public String sentence() {
        String c = code == null ? "no status code" : code;
        return description == null || description.isBlank() ? c : c + " (" + description + ")";
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
