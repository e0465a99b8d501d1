package dev.weir.engine.srt.crypto;

/**
 * AES key length of the stream encryption key ({@code pbkeylen}: 16, 24 or 32 bytes). The handshake's
 * encryption field carries it as {@code bytes / 8} (2, 3, 4); 0 there means "no encryption".
 */
public enum KeyLength {
    AES_128(16), AES_192(24), AES_256(32);

    private final int bytes;

    KeyLength(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }

    /** Value of the handshake's encryption field. */
    public int handshakeField() {
        return bytes / 8;
    }

    public static KeyLength ofBytes(int bytes) {
        for (KeyLength k : values()) {
            if (k.bytes == bytes) {
                return k;
            }
        }
        throw new IllegalArgumentException("SRT key length must be 16, 24 or 32 bytes, got " + bytes);
    }

    /** The key length a handshake encryption field announces, or null for 0 / unknown values. */
    public static KeyLength ofHandshakeField(int field) {
        return switch (field) {
            case 2 -> AES_128;
            case 3 -> AES_192;
            case 4 -> AES_256;
            default -> null;
        };
    }
}
