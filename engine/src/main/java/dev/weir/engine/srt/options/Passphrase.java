package dev.weir.engine.srt.options;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The shared secret of an encrypted SRT connection. A type of its own so that it never ends up in a log line or
 * an exception message by accident: {@link #toString()} is redacted, only {@link #reveal()} gives the text.
 *
 * <p>libsrt accepts 10 to 80 bytes (HAICRYPT_SECRET_MIN_SZ/MAX_SZ); srt-live-transmit refuses anything else.
 */
public final class Passphrase {

    public static final int MIN_BYTES = 10;
    public static final int MAX_BYTES = 80;

    private final String secret;

    private Passphrase(String secret) {
        this.secret = secret;
    }

    /** Validates the length (counted in UTF-8 bytes, as libsrt counts it). */
    public static Passphrase of(String secret) {
        Objects.requireNonNull(secret, "secret");
        int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_BYTES || bytes > MAX_BYTES) {
            throw new SrtOptionException("passphrase",
                    "must be " + MIN_BYTES + " to " + MAX_BYTES + " bytes long, got " + bytes);
        }
        return new Passphrase(secret);
    }

    /** The secret itself, for key derivation only. */
    public String reveal() {
        return secret;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Passphrase p && secret.equals(p.secret);
    }

    @Override
    public int hashCode() {
        return secret.hashCode();
    }

    @Override
    public String toString() {
        return "Passphrase[redacted]";
    }
}
