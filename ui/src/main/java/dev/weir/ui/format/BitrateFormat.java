package dev.weir.ui.format;

/**
 * Writes a bit rate the way operators read it: three significant digits and a decimal (SI) unit,
 * {@code 850 b/s}, {@code 96.0 kb/s}, {@code 4.21 Mb/s}, {@code 1.00 Gb/s}.
 */
public final class BitrateFormat {
    private static final String[] UNITS = {"kb/s", "Mb/s", "Gb/s", "Tb/s"};

    private BitrateFormat() {}

    public static String format(long bitsPerSecond) {
        return bitsPerSecond < 0 ? MediaFormat.UNKNOWN : SiScale.format(bitsPerSecond, "b/s", UNITS);
    }
}
