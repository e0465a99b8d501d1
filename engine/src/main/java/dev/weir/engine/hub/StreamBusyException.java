package dev.weir.engine.hub;

/** Thrown when a publish names a key that already has a publisher. */
public final class StreamBusyException extends Exception {
    private final StreamKey key;

    public StreamBusyException(StreamKey key) {
        super("stream " + key + " already has a publisher");
        this.key = key;
    }

    public StreamKey key() {
        return key;
    }
}
