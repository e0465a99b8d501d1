package dev.weir.ui;

import dev.weir.ui.log.LogFeed;
import dev.weir.ui.log.LogLevel;
import dev.weir.ui.log.LogLine;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test code only: a log feed for a console run under slf4j-simple (the ui's test logger), made by teeing stderr
 * and parsing its {@code [thread] LEVEL logger - message} lines. The app feeds the console from logback instead.
 */
final class StderrLogFeed implements LogFeed {
    private static final Pattern LINE = Pattern.compile("^\\[(.+?)\\] (TRACE|DEBUG|INFO|WARN|ERROR) (\\S+) - (.*)$");
    private final Deque<LogLine> lines = new ArrayDeque<>();
    private long next;

    static StderrLogFeed install() {
        StderrLogFeed feed = new StderrLogFeed();
        PrintStream original = System.err;
        System.setErr(new PrintStream(new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                original.write(b);
                if (b == '\n') {
                    feed.add(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        }, true, StandardCharsets.UTF_8));
        return feed;
    }

    private synchronized void add(String text) {
        Matcher m = LINE.matcher(text);
        if (!m.matches()) return;
        lines.addLast(new LogLine(next++, Instant.now(), LogLevel.valueOf(m.group(2)), m.group(3), m.group(1), m.group(4)));
        if (lines.size() > 5000) lines.removeFirst();
    }

    @Override
    public synchronized List<LogLine> since(long sequence) {
        List<LogLine> out = new ArrayList<>();
        for (LogLine l : lines) if (l.sequence() > sequence) out.add(l);
        return out;
    }
}
