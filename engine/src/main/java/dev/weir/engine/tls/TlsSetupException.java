package dev.weir.engine.tls;

/** TLS cannot be set up: a certificate or key file is missing, unreadable, malformed or mismatched. The message says which and what to do. */
public final class TlsSetupException extends Exception {
    public TlsSetupException(String message) {
        super(message);
    }

    public TlsSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
