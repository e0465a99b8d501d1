package dev.weir.ui.format;

import java.util.Locale;

/** Three significant digits with decimal (1000-step) units, shared by the bit rate and byte count formats. */
final class SiScale {
    private SiScale() {}

    /**
     * @param value    the count in base units, non-negative
     * @param base     unit name below 1000 ({@code b/s}, {@code B})
     * @param prefixed unit names for 10^3, 10^6, ...
     */
    static String format(long value, String base, String[] prefixed) {
        if (value < 1000) {
            return value + " " + base;
        }
        double scaled = value / 1000.0;
        int unit = 0;
        while (true) {
            String text = threeSignificantDigits(scaled);
            // Round first, then move up a unit when rounding reaches 1000 (999.6 k reads 1.00 M, not 1000 k).
            if (Double.parseDouble(text) < 1000 || unit == prefixed.length - 1) {
                return text + " " + prefixed[unit];
            }
            scaled /= 1000.0;
            unit++;
        }
    }

    private static String threeSignificantDigits(double value) {
        if (value < 9.995) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        if (value < 99.95) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
