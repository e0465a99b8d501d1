package dev.weir.engine.api;

/** A remote weir could not be read. The message says where and why, for the console's status line. */
public final class RemoteStatsException extends Exception {
    public RemoteStatsException(String message) {
        super(message);
    }
}
