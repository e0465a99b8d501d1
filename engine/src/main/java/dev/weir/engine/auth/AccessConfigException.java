package dev.weir.engine.auth;

/** A token or passphrase source that cannot be used: missing, unreadable or malformed file. The message says which and why. */
public final class AccessConfigException extends Exception {
    public AccessConfigException(String message) {
        super(message);
    }

    public AccessConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
