package dev.weir.engine.srt.transmit;

import dev.weir.engine.srt.stats.SrtStatsFormat;
import java.io.PrintStream;
import java.util.Objects;

/**
 * How {@code weir transmit} reports.
 *
 * @param statsIntervalMillis print statistics of each SRT connection this often; 0 = never
 * @param statsFormat         {@code -statspf json|csv}
 * @param statsOut            where statistics go (stderr when stdout carries the stream)
 * @param fullStats           print totals since the connection started instead of per-interval counters
 */
public record TransmitSettings(long statsIntervalMillis, SrtStatsFormat statsFormat, PrintStream statsOut,
                               boolean fullStats) {
    public TransmitSettings {
        Objects.requireNonNull(statsFormat, "statsFormat");
        Objects.requireNonNull(statsOut, "statsOut");
        if (statsIntervalMillis < 0) {
            throw new IllegalArgumentException("-stats must be >= 0 ms, got " + statsIntervalMillis);
        }
    }

    public static TransmitSettings quiet() {
        return new TransmitSettings(0, SrtStatsFormat.JSON, System.err, false);
    }
}
