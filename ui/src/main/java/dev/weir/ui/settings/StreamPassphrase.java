package dev.weir.ui.settings;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One row of the per-stream passphrase table. The passphrase is never shown, logged or put in {@link #toString()}.
 */
public record StreamPassphrase(String streamKey, String passphrase) {
    public static final int MIN_BYTES = 10;
    public static final int MAX_BYTES = 80;

    public StreamPassphrase {
        Objects.requireNonNull(streamKey, "streamKey");
        Objects.requireNonNull(passphrase, "passphrase");
    }

    /**
     * Checks a row as the operator typed it.
     *
     * @return the reason it cannot be used (never containing the passphrase), or {@code null} when it can
     */
    public static String problem(String streamKey, String passphrase) {
        String key = streamKey == null ? "" : streamKey.strip();
        if (key.isEmpty()) return "Enter the stream key (app/name).";
        int slash = key.indexOf('/');
        if (slash <= 0 || slash == key.length() - 1) return "The stream key must be app/name, e.g. live/studio1.";
        int n = passphrase == null ? 0 : passphrase.getBytes(StandardCharsets.UTF_8).length;
        if (n < MIN_BYTES || n > MAX_BYTES) {
            return "The passphrase must be " + MIN_BYTES + " to " + MAX_BYTES + " characters long (it is " + n + ").";
        }
        return null;
    }

    @Override
    public String toString() {
        return "StreamPassphrase[" + streamKey + ", passphrase=(set)]";
    }
}
