package dev.weir.engine.json;

/** JSON that does not parse, or does not have the shape the reader expects. The message says where and why. */
public final class JsonException extends RuntimeException {
    public JsonException(String message) {
        super(message);
    }
}
