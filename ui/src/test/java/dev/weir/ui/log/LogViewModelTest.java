package dev.weir.ui.log;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The log screen keeps a bounded tail of the feed and filters by level. */
class LogViewModelTest {
    private final List<LogLine> feed = new ArrayList<>();
    private final LogViewModel vm = new LogViewModel(seq -> feed.stream().filter(l -> l.sequence() > seq).toList(), 3);

    private void log(LogLevel level, String message) {
        feed.add(new LogLine(feed.size(), Instant.EPOCH, level, "dev.weir.X", "main", message));
    }

    @Test
    void keepsTheNewestLinesOnly() {
        for (int i = 0; i < 5; i++) log(LogLevel.INFO, "m" + i);
        vm.poll();
        assertEquals(List.of("m2", "m3", "m4"), vm.all().stream().map(LogLine::message).toList());
        log(LogLevel.WARN, "m5");
        vm.poll();
        assertEquals(List.of("m3", "m4", "m5"), vm.all().stream().map(LogLine::message).toList());
        vm.poll();
        assertEquals(3, vm.all().size(), "nothing new, nothing added");
    }

    @Test
    void filtersByLevelAndAbove() {
        log(LogLevel.DEBUG, "d");
        log(LogLevel.INFO, "i");
        log(LogLevel.ERROR, "e");
        vm.poll();
        assertEquals(List.of("i", "e"), vm.shown().stream().map(LogLine::message).toList(), "INFO and above by default");
        vm.minimumProperty().set(LogLevel.WARN);
        assertEquals(List.of("e"), vm.shown().stream().map(LogLine::message).toList());
        vm.minimumProperty().set(LogLevel.TRACE);
        assertEquals(3, vm.shown().size());
    }
}
