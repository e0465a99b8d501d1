package dev.weir.ui;

import java.time.Duration;

/**
 * How the console window opens.
 *
 * @param rtmpAddress       address shown in the RTMP listener row, e.g. {@code :1935}
 * @param startRtmpOnOpen   start that listener as soon as the window shows (as {@code weir} does with a config file)
 * @param pollInterval      how often the view models read the engine's snapshot
 */
public record ConsoleOptions(String rtmpAddress, boolean startRtmpOnOpen, Duration pollInterval) {
    public static final ConsoleOptions DEFAULTS = new ConsoleOptions(":1935", false, Duration.ofMillis(250));

    public ConsoleOptions {
        if (rtmpAddress == null) rtmpAddress = "";
        if (pollInterval == null) pollInterval = DEFAULTS.pollInterval();
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive, got " + pollInterval);
        }
    }

    public ConsoleOptions withRtmpAddress(String address) {
        return new ConsoleOptions(address, startRtmpOnOpen, pollInterval);
    }

    public ConsoleOptions withStartRtmpOnOpen(boolean start) {
        return new ConsoleOptions(rtmpAddress, start, pollInterval);
    }
}
