package dev.weir.ui.settings;

/** A configuration that could not be read or written; the message says which file and why, for the operator. */
public final class ConfigStoreException extends Exception {
    public ConfigStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public ConfigStoreException(String message) {
        super(message);
    }
}
