package dev.weir.engine.srt.crypto;

import java.util.Arrays;

/**
 * An SRT passphrase: 10 to 80 characters (libsrt's {@code SRTO_PASSPHRASE} limits). Its characters are never
 * shown: {@link #toString()} is redacted so it cannot leak into logs.
 */
public final class Passphrase {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 80;

    private final char[] chars;

    private Passphrase(char[] chars) {
        this.chars = chars;
    }

    /**
     * @throws IllegalArgumentException with an operator-readable message when the length is out of range (the
     *         message gives the length, never the passphrase)
     */
    public static Passphrase of(String value) {
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("SRT passphrase must be " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " characters long, got " + value.length());
        }
        return new Passphrase(value.toCharArray());
    }

    /** A copy of the characters, for key derivation. Callers should clear it after use. */
    char[] chars() {
        return chars.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Passphrase p && Arrays.equals(chars, p.chars);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(chars);
    }

    @Override
    public String toString() {
        return "Passphrase[redacted, " + chars.length + " chars]";
    }
}
