package dev.weir.ui.format;

/** Writes a byte count with decimal units, as file managers do: {@code 512 B}, {@code 1.23 kB}, {@code 4.56 MB}. */
public final class ByteCountFormat {
    private static final String[] UNITS = {"kB", "MB", "GB", "TB", "PB", "EB"};

    private ByteCountFormat() {}

    public static String format(long bytes) {
        return bytes < 0 ? MediaFormat.UNKNOWN : SiScale.format(bytes, "B", UNITS);
    }
}
