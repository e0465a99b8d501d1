package dev.weir.engine.config;

/**
 * Settings of the SRT side of the engine ({@code weir server -srt-*}, JSON {@code "srt"}).
 *
 * @param listen     UDP address to listen on ({@code :10080}, {@code 127.0.0.1:10080}); empty or {@code null} for
 *                   no SRT listener
 * @param latencyMs  TSBPD latency asked of peers, milliseconds ({@value #MIN_LATENCY_MS}..{@value #MAX_LATENCY_MS})
 * @param passphrase encryption passphrase (10..80 characters), or {@code null} for none; never logged
 * @param pbkeylen   AES key length in bytes when encrypting: 16, 24 or 32
 * @param passphraseFile {@code -srt-passphrase-file}: JSON object of stream key to passphrase (one per stream,
 *                   reloaded on SIGHUP), or {@code null}; excludes {@code passphrase}
 */
public record SrtSettings(String listen, int latencyMs, String passphrase, int pbkeylen, String passphraseFile) {
    public static final int MIN_LATENCY_MS = 20;
    public static final int MAX_LATENCY_MS = 8000;
    public static final int MIN_PASSPHRASE = 10;
    public static final int MAX_PASSPHRASE = 80;
    public static final SrtSettings DEFAULTS = new SrtSettings(null, 120, null, 16);

    /** Without a passphrase file. */
    public SrtSettings(String listen, int latencyMs, String passphrase, int pbkeylen) {
        this(listen, latencyMs, passphrase, pbkeylen, null);
    }

    public SrtSettings {
        if (latencyMs < MIN_LATENCY_MS || latencyMs > MAX_LATENCY_MS) {
            throw new IllegalArgumentException("SRT latency must be between " + MIN_LATENCY_MS + " and "
                    + MAX_LATENCY_MS + " ms, got " + latencyMs);
        }
        if (passphrase != null && passphrase.isEmpty()) passphrase = null;
        if (passphrase != null && (passphrase.length() < MIN_PASSPHRASE || passphrase.length() > MAX_PASSPHRASE)) {
            throw new IllegalArgumentException("SRT passphrase must be " + MIN_PASSPHRASE + " to " + MAX_PASSPHRASE
                    + " characters, got " + passphrase.length());
        }
        if (passphraseFile != null && passphraseFile.isBlank()) passphraseFile = null;
        if (passphraseFile != null && passphrase != null) {
            throw new IllegalArgumentException("-srt-passphrase and -srt-passphrase-file exclude each other: give one");
        }
        if (pbkeylen != 16 && pbkeylen != 24 && pbkeylen != 32) {
            throw new IllegalArgumentException("SRT key length (pbkeylen) must be 16, 24 or 32, got " + pbkeylen);
        }
    }

    public SrtSettings withPassphraseFile(String file) {
        return new SrtSettings(listen, latencyMs, passphrase, pbkeylen, file);
    }

    /** True when an SRT listener should be started. */
    public boolean enabled() {
        return listen != null && !listen.isBlank();
    }

    /** The passphrase stays out of logs and dumps. */
    @Override
    public String toString() {
        return "SrtSettings[listen=" + listen + ", latencyMs=" + latencyMs + ", passphrase="
                + (passphrase == null ? "none" : "(set)") + ", pbkeylen=" + pbkeylen
                + (passphraseFile == null ? "" : ", passphraseFile=" + passphraseFile) + "]";
    }
}
