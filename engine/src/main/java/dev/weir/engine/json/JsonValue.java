package dev.weir.engine.json;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document as a small sealed tree. The engine reads JSON from files (tokens, passphrases), from HTTP
 * peers (auth callbacks, a remote weir's API) and writes it for hooks and the API; this one model serves all of
 * them, so the engine needs no JSON library (see docs/api.md for why).
 */
public sealed interface JsonValue {

    /** Compact JSON text of this value. */
    default String toJson() {
        StringBuilder out = new StringBuilder();
        JsonWriter.write(this, out);
        return out.toString();
    }

    record JsonObject(Map<String, JsonValue> members) implements JsonValue {
        public JsonObject {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        public JsonValue get(String name) {
            return members.get(name);
        }

        public boolean has(String name) {
            JsonValue v = members.get(name);
            return v != null && !(v instanceof JsonNull);
        }

        /** The string member {@code name}; {@code null} when absent or JSON null; an error when another type. */
        public String string(String name) {
            JsonValue v = members.get(name);
            if (v == null || v instanceof JsonNull) return null;
            if (v instanceof JsonString s) return s.value();
            throw new JsonException("field '" + name + "' must be a string, found " + v.typeName());
        }

        public long longValue(String name) {
            try {
                return number(name).longValueExact();
            } catch (ArithmeticException e) {
                throw new JsonException("field '" + name + "' must be a whole number within 64 bits");
            }
        }

        public int intValue(String name) {
            try {
                return number(name).intValueExact();
            } catch (ArithmeticException e) {
                throw new JsonException("field '" + name + "' must be a whole number within 32 bits");
            }
        }

        public double doubleValue(String name) {
            return number(name).doubleValue();
        }

        private BigDecimal number(String name) {
            JsonValue v = members.get(name);
            if (v instanceof JsonNumber n) return n.value();
            if (v == null) throw new JsonException("field '" + name + "' is missing");
            throw new JsonException("field '" + name + "' must be a number, found " + v.typeName());
        }

        public JsonObject object(String name) {
            JsonValue v = members.get(name);
            if (v instanceof JsonObject o) return o;
            if (v == null || v instanceof JsonNull) return null;
            throw new JsonException("field '" + name + "' must be an object, found " + v.typeName());
        }

        public List<JsonValue> array(String name) {
            JsonValue v = members.get(name);
            if (v instanceof JsonArray a) return a.elements();
            if (v == null) throw new JsonException("field '" + name + "' is missing");
            throw new JsonException("field '" + name + "' must be an array, found " + v.typeName());
        }
    }

    record JsonArray(List<JsonValue> elements) implements JsonValue {
        public JsonArray {
            elements = List.copyOf(elements);
        }
    }

    record JsonString(String value) implements JsonValue {
        public JsonString {
            if (value == null) throw new NullPointerException("JsonString value; use JsonNull");
        }
    }

    /** A number kept exactly as written (BigDecimal), so longs survive the trip. */
    record JsonNumber(BigDecimal value) implements JsonValue {
        public static JsonNumber of(long v) {
            return new JsonNumber(BigDecimal.valueOf(v));
        }

        public static JsonNumber of(double v) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("JSON has no " + v);
            return new JsonNumber(BigDecimal.valueOf(v));
        }
    }

    record JsonBoolean(boolean value) implements JsonValue {}

    enum JsonNull implements JsonValue { INSTANCE }

    /** {@code null} Java strings become JSON null. */
    static JsonValue of(String s) {
        return s == null ? JsonNull.INSTANCE : new JsonString(s);
    }

    default String typeName() {
        return switch (this) {
            case JsonObject o -> "object";
            case JsonArray a -> "array";
            case JsonString s -> "string";
            case JsonNumber n -> "number";
            case JsonBoolean b -> "boolean";
            case JsonNull n -> "null";
        };
    }
}
