package dev.weir.engine;

/**
 * The engine could not start a service its configuration asks for: an auth, passphrase or certificate file that
 * cannot be used, a metrics address already in use, a hook script that is not executable. The message names the
 * file or address and what to do; {@code weir server} prints it and exits.
 */
public final class EngineStartException extends RuntimeException {
    public EngineStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
