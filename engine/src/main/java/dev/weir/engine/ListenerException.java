package dev.weir.engine;

/** A listener could not start. The message is written for an operator: what is wrong and what to change. */
public final class ListenerException extends Exception {
    public ListenerException(String message) {
        super(message);
    }

    public ListenerException(String message, Throwable cause) {
        super(message, cause);
    }
}
