package dev.weir.app;

import dev.weir.ui.log.LogLevel;
import dev.weir.ui.log.LogLine;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The bounded ring behind the console's log screen, and the appender that feeds it from logback. */
class LogRingTest {

    @Test
    void keepsTheNewestLinesAndHandsOutOnlyNewOnes() {
        LogRing ring = new LogRing(3);
        for (int i = 0; i < 5; i++) ring.add(Instant.EPOCH, LogLevel.INFO, "l", "t", "m" + i);
        List<LogLine> all = ring.since(-1);
        assertEquals(List.of("m2", "m3", "m4"), all.stream().map(LogLine::message).toList(), "bounded to 3");
        assertEquals(List.of(2L, 3L, 4L), all.stream().map(LogLine::sequence).toList());
        assertEquals(List.of("m4"), ring.since(3).stream().map(LogLine::message).toList());
        assertTrue(ring.since(4).isEmpty());
        ring.add(Instant.EPOCH, LogLevel.WARN, "l", "t", "m5");
        assertEquals(List.of("m5"), ring.since(4).stream().map(LogLine::message).toList());
    }

    @Test
    void theAppenderCopiesLogbackEvents() {
        LogRing ring = new LogRing(100);
        ConsoleLogAppender.install(ring);
        LoggerFactory.getLogger("dev.weir.test").warn("publisher {} dropped", "live/a");
        List<LogLine> lines = ring.since(-1);
        LogLine last = lines.getLast();
        assertEquals("publisher live/a dropped", last.message());
        assertEquals(LogLevel.WARN, last.level());
        assertEquals("dev.weir.test", last.logger());
    }
}
