package dev.weir.ui.log;

import java.time.Instant;

/**
 * One line of the application log, as the log screen shows it.
 *
 * @param sequence increasing number of the line since the process started; a feed hands out lines after one
 */
public record LogLine(long sequence, Instant time, LogLevel level, String logger, String thread, String message) {
}
