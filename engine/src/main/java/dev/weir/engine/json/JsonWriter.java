package dev.weir.engine.json;

import dev.weir.engine.json.JsonValue.JsonArray;
import dev.weir.engine.json.JsonValue.JsonBoolean;
import dev.weir.engine.json.JsonValue.JsonNull;
import dev.weir.engine.json.JsonValue.JsonNumber;
import dev.weir.engine.json.JsonValue.JsonObject;
import dev.weir.engine.json.JsonValue.JsonString;

import java.util.Map;

/** Writes a {@link JsonValue} as compact JSON text (RFC 8259), escaping strings so any Java string survives. */
public final class JsonWriter {
    private JsonWriter() {}

    public static void write(JsonValue value, StringBuilder out) {
        switch (value) {
            case JsonObject o -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                    if (!first) out.append(',');
                    first = false;
                    writeString(e.getKey(), out);
                    out.append(':');
                    write(e.getValue(), out);
                }
                out.append('}');
            }
            case JsonArray a -> {
                out.append('[');
                for (int i = 0; i < a.elements().size(); i++) {
                    if (i > 0) out.append(',');
                    write(a.elements().get(i), out);
                }
                out.append(']');
            }
            case JsonString s -> writeString(s.value(), out);
            case JsonNumber n -> out.append(n.value().toString());
            case JsonBoolean b -> out.append(b.value());
            case JsonNull n -> out.append("null");
        }
    }

    /**
     * Quotes and escapes: the two mandatory escapes, the control characters, and U+2028/U+2029 (legal JSON but
     * line breaks to JavaScript). Lone surrogates are written as {@code \\uXXXX} so the output is valid UTF-8.
     */
    public static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || isLoneSurrogate(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
