package dev.weir.ui.format;

import java.util.Locale;

/** Short labels for media properties in the streams table and the detail pane. Unknown values read as a dash. */
public final class MediaFormat {
    public static final String UNKNOWN = "–";

    private MediaFormat() {}

    /** {@code 1280×720}, or a dash when either side is unknown. */
    public static String resolution(int width, int height) {
        return width > 0 && height > 0 ? width + "×" + height : UNKNOWN;
    }

    /** {@code 25}, {@code 29.97}, {@code 12.5}: at most two decimals, no trailing zeros. */
    public static String frameRate(double fps) {
        if (!(fps > 0) || Double.isInfinite(fps)) {
            return UNKNOWN;
        }
        return withoutTrailingZeros(String.format(Locale.ROOT, "%.2f", fps));
    }

    /** {@code 44.1 kHz}, {@code 48 kHz}, {@code 11.025 kHz}. */
    public static String sampleRate(int hz) {
        if (hz <= 0) {
            return UNKNOWN;
        }
        return withoutTrailingZeros(String.format(Locale.ROOT, "%.3f", hz / 1000.0)) + " kHz";
    }

    /** {@code mono}, {@code stereo}, {@code 6 ch}. */
    public static String channels(int channels) {
        return switch (channels) {
            case 0 -> UNKNOWN;
            case 1 -> "mono";
            case 2 -> "stereo";
            default -> channels + " ch";
        };
    }

    /** The text itself, or a dash for {@code null} and blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value;
    }

    /** {@code H264 High}, {@code AAC LC}, {@code H264}; a dash when the codec is unknown. */
    public static String codec(String codec, String profile) {
        if (codec == null || codec.isBlank()) {
            return UNKNOWN;
        }
        return profile == null || profile.isBlank() ? codec : codec + " " + profile;
    }

    private static String withoutTrailingZeros(String decimal) {
        String text = decimal.replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
