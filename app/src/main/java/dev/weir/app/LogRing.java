package dev.weir.app;

import dev.weir.ui.log.LogFeed;
import dev.weir.ui.log.LogLevel;
import dev.weir.ui.log.LogLine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The last {@code capacity} log lines, for the console's log screen. Appended to by the logback appender on the
 * logging threads, read by the console at its refresh rate; a lock held for a copy only.
 */
final class LogRing implements LogFeed {
    private final LogLine[] ring;
    private long next;   // sequence of the next line; guarded by this

    LogRing(int capacity) {
        ring = new LogLine[capacity];
    }

    synchronized void add(Instant time, LogLevel level, String logger, String thread, String message) {
        ring[(int) (next % ring.length)] = new LogLine(next, time, level, logger, thread, message);
        next++;
    }

    @Override
    public synchronized List<LogLine> since(long sequence) {
        long from = Math.max(sequence + 1, Math.max(0, next - ring.length));
        List<LogLine> out = new ArrayList<>((int) Math.max(0, next - from));
        for (long s = from; s < next; s++) out.add(ring[(int) (s % ring.length)]);
        return out;
    }
}
