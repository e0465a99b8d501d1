package dev.weir.ui.format;

import java.time.Duration;

/**
 * Writes an uptime as a clock: {@code 0:07}, {@code 12:34}, {@code 1:02:03}, {@code 27:00:00}. Whole seconds,
 * rounded down, because a counter that shows a second before it has passed looks wrong.
 */
public final class DurationFormat {
    private DurationFormat() {}

    public static String format(Duration duration) {
        if (duration == null || duration.isNegative()) {
            return "–";
        }
        long total = duration.toSeconds();
        long hours = total / 3600;
        long minutes = (total / 60) % 60;
        long seconds = total % 60;
        if (hours > 0) {
            return "%d:%02d:%02d".formatted(hours, minutes, seconds);
        }
        return "%d:%02d".formatted(minutes, seconds);
    }
}
