package dev.weir.ui.log;

import java.util.List;

/**
 * Where the console reads the application log: a bounded ring kept by whoever owns logging (the app's logback
 * appender), so the console knows no logging framework. Polled at the console's refresh rate.
 */
public interface LogFeed {

    /** The lines after {@code sequence} still in the ring, oldest first (all of them for {@code -1}). */
    List<LogLine> since(long sequence);

    /** A feed with no lines, for a console started without one. */
    LogFeed NONE = sequence -> List.of();
}
