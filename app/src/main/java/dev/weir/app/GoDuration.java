package dev.weir.app;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the seed server's Go flags write them: a sequence of number+unit ({@code 5s}, {@code 500ms},
 * {@code 1m30s}, {@code 1.5s}; units {@code ms}, {@code s}, {@code m}, {@code h}). A bare number is refused
 * (Go refuses it too), so {@code -hook-timeout 30} cannot silently mean 30 ns or 30 s.
 */
final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private GoDuration() {}

    static Duration parse(String flag, String text) throws UsageException {
        String t = text == null ? "" : text.strip();
        Matcher m = PART.matcher(t);
        int at = 0;
        double millis = 0;
        while (at < t.length() && m.find(at) && m.start() == at) {
            double n = Double.parseDouble(m.group(1));
            millis += n * switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1000;
                case "m" -> 60_000;
                default -> 3_600_000;
            };
            at = m.end();
        }
        if (t.isEmpty() || at != t.length()) {
            throw new UsageException("-" + flag + ": '" + text + "' is not a duration (write e.g. 5s, 500ms, 1m30s)");
        }
        if (millis <= 0) throw new UsageException("-" + flag + ": the duration must be more than 0");
        return Duration.ofMillis(Math.round(millis));
    }
}
