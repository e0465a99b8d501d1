package dev.weir.ui.settings;

/** How the SRT listener encrypts: not at all, one passphrase for every stream, or one per stream key. */
public enum SrtEncryption {
    NONE("Off"), ONE_PASSPHRASE("One passphrase for all streams"), PER_STREAM("A passphrase per stream");

    private final String label;

    SrtEncryption(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
